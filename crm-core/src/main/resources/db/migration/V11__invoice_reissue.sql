-- What the hub asked finance for under each invoice key (the canonical Invoice), so that an invoice finance rejected
-- after accepting it can be requested again, under a new key, once the buyer's data is fixed.
create table invoice_request (
    invoice_key varchar(200) not null primary key,
    payload     ${text} not null,
    saved_at    timestamp with time zone not null
);

-- The key of the request that replaced a rejected invoice.
alter table customer_invoice add superseded_by varchar(200);
