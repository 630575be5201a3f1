package com.crmhub.crm.product;

import com.crmhub.crm.shared.VersionedRecord;
import com.crmhub.crm.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product as the ERP (its master) describes it. Reference data: every user reads it, only administrators and
 * integrations change it. Deals copy name, price and tax rate into their lines, so later catalogue changes do not
 * rewrite deals already priced.
 */
@Entity
@Table(name = "product")
@Audited("product")
public class Product extends VersionedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sku", nullable = false, updatable = false, length = 64)
    private String sku;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "unit", nullable = false, length = 20)
    private String unit;

    @Column(name = "list_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal listPrice;

    /** 0.13 means 13 % VAT. */
    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 4)
    private BigDecimal taxRate;

    @Column(name = "active", nullable = false)
    private boolean active;

    protected Product() {
    }

    public Product(String sku) {
        this.sku = sku;
    }

    /** Sets every editable field at once; money is kept at the column's scale so that audit shows real changes only. */
    public void describe(String name, String unit, BigDecimal listPrice, BigDecimal taxRate, boolean active) {
        this.name = name;
        this.unit = unit;
        this.listPrice = listPrice.setScale(2, java.math.RoundingMode.HALF_UP);
        this.taxRate = taxRate.setScale(4, java.math.RoundingMode.HALF_UP);
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public boolean isActive() {
        return active;
    }

}
