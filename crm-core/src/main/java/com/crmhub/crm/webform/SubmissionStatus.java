package com.crmhub.crm.webform;

/** Where a stored submission stands. */
public enum SubmissionStatus {
    /** Turned into a lead (created or updated). */
    PROCESSED,
    /** Looked like spam: kept for an operator to release or discard; the sender saw the thanks page. */
    QUARANTINED,
    /** Capture failed unexpectedly after the submission was accepted: kept for an operator to release (retry). */
    FAILED,
    /** An operator threw it away. */
    DISCARDED;

    boolean held() {
        return this == QUARANTINED || this == FAILED;
    }
}
