package com.crmhub.canonical.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * A prospective customer's own words from a web form (web-to-lead), as the hub received them: the CRM matches it to
 * the people it knows and turns it into a lead or an update of one. Values are kept as typed (HTML included); whoever
 * shows them escapes them.
 *
 * @param formKey      the form it was sent through ({@code contact-us})
 * @param submissionId the id the form page gave this submission (or the sender chose): with the form key, what makes
 *                     a repeated POST a no-op
 * @param consent      whether the sender ticked the form's consent box
 * @param sourcePage   the page the form was filled on (the Referer), if known
 * @param origin       the site that posted it (the Origin header), if known
 */
public record LeadCapture(String formKey, String submissionId, String name, String company, String email,
                          String mobile, String province, String industry, String message, boolean consent,
                          String sourcePage, String origin, Instant receivedAt) {

    public LeadCapture {
        Objects.requireNonNull(formKey, "formKey");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** What people typed is personal data: ids only, so a logged capture leaks no content. */
    @Override
    public String toString() {
        return "LeadCapture[" + formKey + " " + submissionId + ", receivedAt=" + receivedAt + "]";
    }
}
