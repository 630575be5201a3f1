package com.crmhub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A real SMTP server for a test context: GreenMail on 127.0.0.1 at the port {@link FreePortInitializer} chose, which
 * application-test.yml gives the hub's SMTP client. A plain component in the test sources, so every test context
 * whose port was chosen gets one (it starts in milliseconds). Tests can stop and start it (an outage), or put in its
 * place a server that refuses recipients ({@link RefusingSmtpServer}: GreenMail accepts every address).
 */
@Component
@ConditionalOnProperty(TestMailServer.PORT_PROPERTY)
public class TestMailServer implements DisposableBean {

    public static final String PORT_PROPERTY = "hub.test.mail-server.port";

    private final ServerSetup setup;
    private GreenMail greenMail;
    private RefusingSmtpServer refusing;

    TestMailServer(@Value("${" + PORT_PROPERTY + "}") int port) {
        this.setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        start();
    }

    /** (Re)starts GreenMail on the port, empty. */
    public final synchronized void start() {
        if (greenMail == null) {
            greenMail = startedOnThePort();
        }
    }

    /**
     * The port was usually just given up by the server before it (an outage, the refusing server), and under load the
     * kernel can still hold it for a moment: GreenMail then fails to bind. Try again for a few seconds.
     */
    private GreenMail startedOnThePort() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            GreenMail server = new GreenMail(setup);
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                failure = e;
                server.stop();
                pause();
            }
        }
        throw failure;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the test mail server", e);
        }
    }

    /** Stops it: the hub's connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Until {@link #restore()}, a server on the port answers every RCPT with {@code reply} ("550 5.1.1 ..."). */
    public synchronized void refuseRecipientsWith(String reply) {
        stop();
        refusing = new RefusingSmtpServer(setup.getPort(), reply);
    }

    /** GreenMail again (its earlier mail is kept only if it was never stopped). */
    public synchronized void restore() {
        if (refusing != null) {
            refusing.close();
            refusing = null;
        }
        start();
    }

    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The copies received with this Message-ID (one per recipient). */
    public List<MimeMessage> withMessageId(String messageId) {
        return received().stream().filter(m -> messageId.equals(header(m, "Message-ID"))).toList();
    }

    /** The copies received for this address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The first part of that type, however deeply the multipart nests it; null when there is none. */
    public static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }

    @Override
    public synchronized void destroy() {
        if (refusing != null) {
            refusing.close();
        }
        stop();
    }
}
