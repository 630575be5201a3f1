package com.crmhub.crm.lead;

import java.time.Instant;

/** A lead as the API shows it. */
public record LeadView(long id, String name, String title, String email, String mobile, String companyName,
                       String creditCode, String industry, String province, String city, LeadSource source,
                       String sourceRef, String notes, LeadStatus status, String disqualifyReason, String owner,
                       String team, boolean shared, Long convertedAccountId, Long convertedContactId,
                       Long convertedDealId, Instant convertedAt, Instant assignedAt, long version, Instant createdAt,
                       Instant updatedAt) {

    static LeadView of(Lead l) {
        return new LeadView(l.getId(), l.getName(), l.getTitle(), l.getEmail(), l.getMobile(), l.getCompanyName(),
                l.getCreditCode(), l.getIndustry(), l.getProvince(), l.getCity(), l.getSource(), l.getSourceRef(),
                l.getNotes(), l.getStatus(), l.getDisqualifyReason(), l.getOwner(), l.getTeam(), l.isShared(),
                l.getConvertedAccountId(), l.getConvertedContactId(), l.getConvertedDealId(), l.getConvertedAt(),
                l.getAssignedAt(), l.getVersion(), l.getCreatedAt(), l.getUpdatedAt());
    }
}
