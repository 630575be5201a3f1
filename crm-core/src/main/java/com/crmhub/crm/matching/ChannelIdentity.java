package com.crmhub.crm.matching;

import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.shared.VersionedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A chat user id (a WeCom external userid, a DingTalk sender id) known to belong to a CRM record: a contact (whose
 * account follows), a lead, or only an account.
 */
@Entity
@Table(name = "channel_identity")
public class ChannelIdentity extends VersionedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_identity_seq")
    @SequenceGenerator(name = "channel_identity_seq", sequenceName = "channel_identity_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private IdentityChannel channel;

    @Column(name = "external_id", nullable = false, length = 128)
    private String externalId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(name = "linked_by", nullable = false, length = 100)
    private String linkedBy;

    protected ChannelIdentity() {
    }

    public ChannelIdentity(IdentityChannel channel, String externalId, String linkedBy) {
        this.channel = channel;
        this.externalId = externalId;
        this.linkedBy = linkedBy;
    }

    /** Now this contact's (and its account's); a lead it belonged to has become that contact, or was a guess. */
    public void linkTo(long accountId, Long contactId, String by) {
        this.accountId = accountId;
        this.contactId = contactId;
        this.leadId = null;
        this.linkedBy = by;
    }

    public void linkToLead(long leadId, String by) {
        this.accountId = null;
        this.contactId = null;
        this.leadId = leadId;
        this.linkedBy = by;
    }

    public Long getId() {
        return id;
    }

    public IdentityChannel getChannel() {
        return channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getContactId() {
        return contactId;
    }

    public Long getLeadId() {
        return leadId;
    }
}
