package com.crmhub.crm.outboundemail;

import java.util.List;

/** What the mail-outbound flow needs to send a stored mail, and whether it already went. */
public record OutboundEmailDelivery(long id, long contactId, String messageId, String to, List<String> cc,
                                    String subject, String text, String html, OutboundEmailStatus status) {

    public boolean sent() {
        return status == OutboundEmailStatus.SENT;
    }

    static OutboundEmailDelivery of(OutboundEmail e, OutboundEmailBodies.Bodies bodies) {
        return new OutboundEmailDelivery(e.getId(), e.getContactId(), e.getMessageId(), e.getTo(), e.getCc(),
                e.getSubject(), bodies.text(), bodies.html(), e.getStatus());
    }

    @Override
    public String toString() {
        return "OutboundEmailDelivery[" + id + ", " + messageId + ", " + status + "]";
    }
}
