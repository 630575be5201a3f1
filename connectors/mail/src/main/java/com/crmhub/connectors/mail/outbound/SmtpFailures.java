package com.crmhub.connectors.mail.outbound;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * Sorts what the SMTP client threw into transient and permanent failures. The reply code decides where the server
 * gave one (jakarta.mail puts it on {@link SMTPAddressFailedException} for a refused recipient, on
 * {@link SMTPSendFailedException} for a refused MAIL FROM or DATA): 4xx is "try again later", 5xx is final. Without a
 * reply — refused connection, timeout, unknown host, a dropped line — it is transient; an address that does not parse
 * is permanent. A failed login is transient: it is the hub's configuration, not the mail, and every mail would fail
 * alike until it is fixed, so none should be dead-lettered for it before its attempts run out.
 * <p>
 * Spring's {@link MailSendException} and jakarta.mail's exception chains ({@link MessagingException#getNextException()})
 * nest the useful part: the whole graph is searched, the most specific finding wins.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static MailDeliveryException classify(Exception failure, String server) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        Integer transientCode = null;
        String transientReply = null;
        boolean io = false;
        boolean auth = false;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            Integer code = replyCode(t);
            if (code != null && code >= 500) {
                return new MailPermanentException(server + " refused the mail: " + reply(t), code, failure);
            }
            if (code != null && code >= 400 && transientCode == null) {
                transientCode = code;
                transientReply = reply(t);
            }
            if (t instanceof AddressException) {
                return new MailPermanentException("not a valid address: " + t.getMessage(), null, failure);
            }
            io |= t instanceof IOException;
            auth |= t instanceof AuthenticationFailedException;
            if (t instanceof MailSendException send) {
                send.getFailedMessages().values().forEach(todo::add);
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        if (transientCode != null) {
            return new MailTransientException(server + " deferred the mail: " + transientReply, transientCode, failure);
        }
        if (auth) {
            return new MailTransientException(server + " refused the hub's login (hub.mail.outbound.username/"
                    + "password)", null, failure);
        }
        return new MailTransientException(server + (io ? " unreachable: " : " failed: ") + describe(failure), null,
                failure);
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }

    /** The server's reply line as jakarta.mail kept it ("550 5.1.1 <x@example.com>: no such user"). */
    private static String reply(Throwable t) {
        String message = t.getMessage();
        return message == null ? "" : message.strip();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
