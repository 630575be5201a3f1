package com.crmhub.connectors.mail.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real SMTP and IMAP server inside the hub (tests, the sandbox), only with {@code hub.mail-simulator.enabled=true}:
 * customers' mail is sent to its SMTP port and the hub's inbound mailbox reads it over IMAP, as from a company's mail
 * server; the hub's own outgoing mail can be sent to the same SMTP port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.mail-simulator", name = "enabled", havingValue = "true")
public class MailSimulatorConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    MailSimulator mailSimulator(MailSimulatorProperties properties) {
        return new MailSimulator(properties);
    }
}
