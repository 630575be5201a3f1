package com.crmhub.crm.account;

import com.crmhub.crm.audit.Audited;
import com.crmhub.crm.shared.ScopedRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A customer: a company or a person, owned by a sales user, known to other systems by its external references. */
@Entity
@Table(name = "account")
@Audited("account")
public class Account extends ScopedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, length = 10)
    private AccountType type;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** Lower-case name without legal-form suffixes and punctuation, for matching ("Acme Co., Ltd." ~ "ACME"). */
    @Column(name = "normalized_name", nullable = false, length = 200)
    private String normalizedName;

    @Column(name = "credit_code", length = 18)
    private String creditCode;

    @Column(name = "industry", length = 100)
    private String industry;

    @Column(name = "province", length = 50)
    private String province;

    @Column(name = "city", length = 50)
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_level", length = 2)
    private AccountLevel level;

    @ElementCollection
    @CollectionTable(name = "account_tag", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "tag", length = 50)
    private Set<String> tags = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "account_external_ref", joinColumns = @JoinColumn(name = "account_id"))
    private Set<ExternalRef> externalRefs = new LinkedHashSet<>();

    protected Account() {
    }

    public Account(AccountType type, String name, String normalizedName) {
        this.type = type;
        this.name = name;
        this.normalizedName = normalizedName;
    }

    public Long getId() {
        return id;
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void rename(String name, String normalizedName) {
        this.name = name;
        this.normalizedName = normalizedName;
    }

    public String getNormalizedName() {
        return normalizedName;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public AccountLevel getLevel() {
        return level;
    }

    public void setLevel(AccountLevel level) {
        this.level = level;
    }

    /** Live collection: change it in place (clear/add) so the audit trail sees old and new values. */
    public Set<String> getTags() {
        return tags;
    }

    /** Live collection: change it in place (clear/add) so the audit trail sees old and new values. */
    public Set<ExternalRef> getExternalRefs() {
        return externalRefs;
    }
}
