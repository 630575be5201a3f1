package com.crmhub.crm.lead;

import com.crmhub.crm.audit.Audited;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.ScopedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A prospective customer as captured from a web form, a chat, a mail or an import: a person and perhaps their company.
 * Its status only moves through {@link LeadStatusMachine}; a pool lead (公海) has no owner and is shared with every
 * sales user. Conversion turns it into an account, a contact and perhaps a deal, whose ids it keeps.
 */
@Entity
@Table(name = "lead")
@Audited("lead")
public class Lead extends ScopedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_seq")
    @SequenceGenerator(name = "lead_seq", sequenceName = "lead_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "title", length = 100)
    private String title;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "mobile", length = 20)
    private String mobile;

    @Column(name = "company_name", length = 200)
    private String companyName;

    @Column(name = "credit_code", length = 18)
    private String creditCode;

    @Column(name = "industry", length = 100)
    private String industry;

    @Column(name = "province", length = 50)
    private String province;

    @Column(name = "city", length = 50)
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private LeadSource source;

    @Column(name = "source_ref", length = 100)
    private String sourceRef;

    @Column(name = "notes", length = 2000)
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private LeadStatus status = LeadStatus.NEW;

    @Column(name = "disqualify_reason", length = 500)
    private String disqualifyReason;

    @Column(name = "converted_account_id")
    private Long convertedAccountId;

    @Column(name = "converted_contact_id")
    private Long convertedContactId;

    @Column(name = "converted_deal_id")
    private Long convertedDealId;

    @Column(name = "converted_at")
    private Instant convertedAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected Lead() {
    }

    public Lead(String name, LeadSource source, String sourceRef) {
        this.name = name;
        this.source = source;
        this.sourceRef = sourceRef;
    }

    /** Checks that the lead may still be edited (409 once final). */
    public void requireEditable() {
        LeadStatusMachine.require(status, LeadAction.EDIT);
    }

    /**
     * Records that the lead now has an owner (set beforehand through Ownership): a new or pool lead becomes ASSIGNED,
     * an owned one keeps its status. Owned leads are never shared.
     */
    public void assigned(LeadAction action, Instant now) {
        if (action != LeadAction.ASSIGN && action != LeadAction.CLAIM) {
            throw new IllegalArgumentException("not an assignment: " + action);
        }
        status = LeadStatusMachine.require(status, action);
        setShared(false);
        assignedAt = now;
    }

    /** Puts a new lead in the pool, or releases an owned one to it: no owner, no team, shared with every sales user. */
    public void pooled(LeadAction action) {
        if (action != LeadAction.POOL && action != LeadAction.RELEASE) {
            throw new IllegalArgumentException("not a move to the pool: " + action);
        }
        status = LeadStatusMachine.require(status, action);
        setOwner(null);
        setTeam(null);
        setShared(true);
        assignedAt = null;
    }

    public void startWorking() {
        status = LeadStatusMachine.require(status, LeadAction.START_WORKING);
    }

    public void qualify() {
        status = LeadStatusMachine.require(status, LeadAction.QUALIFY);
    }

    public void disqualify(String reason) {
        LeadStatus next = LeadStatusMachine.require(status, LeadAction.DISQUALIFY);
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "is required to disqualify a lead");
        }
        status = next;
        disqualifyReason = reason.trim();
    }

    /** Marks the lead converted into these records (the deal may be null). */
    public void converted(Long accountId, Long contactId, Long dealId, Instant now) {
        status = LeadStatusMachine.require(status, LeadAction.CONVERT);
        convertedAccountId = accountId;
        convertedContactId = contactId;
        convertedDealId = dealId;
        convertedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
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

    public LeadSource getSource() {
        return source;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getDisqualifyReason() {
        return disqualifyReason;
    }

    public Long getConvertedAccountId() {
        return convertedAccountId;
    }

    public Long getConvertedContactId() {
        return convertedContactId;
    }

    public Long getConvertedDealId() {
        return convertedDealId;
    }

    public Instant getConvertedAt() {
        return convertedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
