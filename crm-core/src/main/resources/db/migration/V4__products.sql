-- Products: a copy of the ERP's catalogue (the ERP is the master), looked up by SKU when deals are priced.
create sequence product_seq start with 1 increment by 50;

create table product (
    id         ${bigint} not null primary key,
    sku        varchar(64)   not null,
    name       varchar(200)  not null,
    unit       varchar(20)   not null,
    list_price numeric(19,2) not null,
    tax_rate   numeric(5,4)  not null,
    active     ${bool} not null,
    version    ${bigint} not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create unique index ux_product_sku on product (sku);
create index ix_product_name on product (name);
