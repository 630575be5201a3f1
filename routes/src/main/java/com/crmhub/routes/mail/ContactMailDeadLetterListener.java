package com.crmhub.routes.mail;

import com.crmhub.crm.outboundemail.OutboundEmailService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.DeadLetterListener;
import com.crmhub.routes.shared.InvalidMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A parked mail is DEAD_LETTERED in the CRM, with the server's reply (or the last failure) as its error. */
@Component
class ContactMailDeadLetterListener implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(ContactMailDeadLetterListener.class);

    private final ContactMailDelivery delivery;
    private final OutboundEmailService emails;

    ContactMailDeadLetterListener(ContactMailDelivery delivery, OutboundEmailService emails) {
        this.delivery = delivery;
        this.emails = emails;
    }

    @Override
    public String flow() {
        return MailOutboundRoute.ROUTE_ID;
    }

    @Override
    public void parked(ParkedMessage message) {
        long emailId;
        try {
            emailId = delivery.emailId(message.body());
        } catch (InvalidMessageException e) {
            return; // not a mail we can name: the dead letter itself is all there is
        }
        try {
            SystemActor.runAs(ContactMailDelivery.ACTOR, () -> emails.markDeadLettered(emailId, message.reason()));
        } catch (RuntimeException e) {
            log.warn("could not mark e-mail {} as dead-lettered: {}", emailId, e.getMessage());
        }
    }
}
