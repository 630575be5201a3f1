package com.crmhub.connectors.mail.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated mail server ({@code hub.mail-simulator.*}): a GreenMail SMTP and IMAP server for the sandbox and tests.
 *
 * @param enabled  whether it runs (never on a hub that talks to a real mail server)
 * @param host     the address it listens on: the loopback only, by default
 * @param smtpPort where it accepts mail, for anyone, to any address (an unknown recipient gets a mailbox)
 * @param imapPort where its mailboxes are read
 * @param users    mailboxes that exist from the start, with a password to read them over IMAP
 */
@Validated
@ConfigurationProperties("hub.mail-simulator")
public record MailSimulatorProperties(boolean enabled,
                                      @NotBlank @DefaultValue("127.0.0.1") String host,
                                      @Min(1) @Max(65535) @DefaultValue("3025") int smtpPort,
                                      @Min(1) @Max(65535) @DefaultValue("3143") int imapPort,
                                      @DefaultValue List<@Valid User> users) {

    /** A mailbox: its address, the IMAP login (the address when not given) and password. */
    public record User(@NotBlank String email, String login, @NotBlank String password) {

        public String loginOrEmail() {
            return login == null || login.isBlank() ? email : login;
        }

        @Override
        public String toString() {
            return "User[" + email + "]";
        }
    }
}
