package com.crmhub.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the hub's HTTP port before the context starts, so that beans built at start-up (the ERP client pointed at
 * the built-in ERP simulator, the simulator's notices back to the hub) know the address, as with a fixed port; and the
 * mail simulator's SMTP and IMAP ports, which the hub's mailboxes are configured with, and the port of the context's
 * GreenMail for outbound mail ({@link TestMailServer}), which the SMTP client is configured with.
 */
public class FreePortInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("free-server-port", Map.of("server.port", freePort(),
                        "hub.mail-simulator.smtp-port", freePort(), "hub.mail-simulator.imap-port", freePort(),
                        TestMailServer.PORT_PROPERTY, freePort())));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
