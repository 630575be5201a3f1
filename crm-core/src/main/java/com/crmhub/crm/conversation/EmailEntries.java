package com.crmhub.crm.conversation;

import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import java.time.Instant;

/**
 * How a received e-mail reads on a timeline, whether it was matched on arrival or waited in the inbox until linked:
 * an EMAIL entry titled with the sender and subject, the mail's summary as the body. One entry per record it goes on
 * (the external id names the record), so a mail sent to two contacts is on both timelines, and once on each.
 */
public final class EmailEntries {

    public static final String SOURCE_SYSTEM = "email";
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 4000;

    private EmailEntries() {
    }

    public static TimelineRecord entry(SubjectType subjectType, long subjectId, String mailKey, String fromAddress,
                                       String fromName, String subject, String summary, Instant sentAt) {
        String sender = fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
        String title = "E-mail from " + sender + ": " + (subject == null || subject.isBlank() ? "(no subject)" : subject);
        return new TimelineRecord(EntryKind.EMAIL, subjectType, subjectId, Texts.abbreviate(title, MAX_TITLE),
                summary == null ? null : Texts.abbreviate(summary, MAX_BODY), sentAt, SOURCE_SYSTEM,
                mailKey + "/" + subjectType.name().toLowerCase() + "-" + subjectId);
    }
}
