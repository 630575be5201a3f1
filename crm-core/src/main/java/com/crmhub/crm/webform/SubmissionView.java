package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import java.time.Instant;

/** A stored submission as operators see it, with what the sender typed exactly as typed. */
public record SubmissionView(String id, String formKey, String submissionId, SubmissionStatus status, String reason,
                             LeadCapture capture, String remoteAddress, Long leadId, Long contactId, String outcome,
                             Instant receivedAt, String decidedBy, Instant decidedAt) {
}
