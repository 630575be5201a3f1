package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.ErpShipmentNotices;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNotice;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNoticeAck;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNoticePort;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Sends the simulated ERP's shipment notices to the hub as a real ERP does: over SOAP, and again (same noticeId, waiting
 * longer each time, up to a minute) until the hub answers accepted=true. Each attempt is booked in {@link SimulatedErp}
 * (and so in its journal). Runs on the simulator's single scheduler thread, which is also the only thread that touches
 * the client proxy.
 */
final class ShipmentNoticeSender {

    private static final Logger log = LoggerFactory.getLogger(ShipmentNoticeSender.class);
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final ErpSimulatorProperties properties;
    private final Bus bus;
    private final Environment environment;
    private final ScheduledExecutorService scheduler;
    private ShipmentNoticePort port;

    ShipmentNoticeSender(ErpSimulatorProperties properties, Bus bus, Environment environment,
                         ScheduledExecutorService scheduler) {
        this.properties = properties;
        this.bus = bus;
        this.environment = environment;
        this.scheduler = scheduler;
    }

    /** Sends the notice now, and again after each failure, until the hub accepts it or the books forget it. */
    void send(ShipmentNotice notice, SimulatedErp books) {
        submit(() -> attempt(notice, books), Duration.ZERO);
    }

    private void attempt(ShipmentNotice notice, SimulatedErp books) {
        String error = null;
        try {
            ShipmentNoticeAck ack = port().shipmentNotice(notice);
            if (!ack.isAccepted()) {
                error = "accepted=false";
            }
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            error = root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        boolean accepted = error == null;
        OptionalInt attempts;
        try {
            attempts = books.noticeAttempted(notice.getNoticeId(), accepted, error);
        } catch (RuntimeException e) {
            // The journal is closed (shutting down) or cannot be written: a restart sends the notice again.
            log.warn("ERP simulator could not book an attempt of notice {}; not sending it again now",
                    notice.getNoticeId(), e);
            return;
        }
        if (attempts.isEmpty()) {
            log.info("ERP simulator: notice {} was reset away; not sending it again", notice.getNoticeId());
        } else if (accepted) {
            log.info("ERP simulator: notice {} for {} accepted (attempt {})", notice.getNoticeId(),
                    notice.getErpOrderNo(), attempts.getAsInt());
        } else {
            Duration delay = backoff(attempts.getAsInt());
            log.info("ERP simulator: notice {} not accepted ({}); again in {}", notice.getNoticeId(), error, delay);
            submit(() -> attempt(notice, books), delay);
        }
    }

    private Duration backoff(int attempt) {
        Duration delay = properties.noticeRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void submit(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("ERP simulator shutting down; a notice stays unsent");
        }
    }

    private ShipmentNoticePort port() {
        if (port == null) {
            port = createPort(noticeAddress());
        }
        return port;
    }

    /** A path means this hub itself, on the port it actually listens on (known only once the server runs). */
    private String noticeAddress() {
        String url = properties.noticeUrl();
        if (!url.startsWith("/")) {
            return url;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + url;
    }

    private ShipmentNoticePort createPort(String address) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(ErpShipmentNotices.SERVICE_CLASS);
        factory.setWsdlURL(ErpShipmentNotices.wsdlUrl().toExternalForm());
        factory.setServiceName(ErpShipmentNotices.SERVICE_NAME);
        factory.setEndpointName(ErpShipmentNotices.PORT_NAME);
        factory.setAddress(address);
        factory.setProperties(new java.util.HashMap<>(Map.of(Message.SCHEMA_VALIDATION_ENABLED, Boolean.TRUE,
                "share.httpclient.http.conduit", Boolean.FALSE)));
        ShipmentNoticePort created = factory.create(ShipmentNoticePort.class);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(created).getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(5_000);
        policy.setReceiveTimeout(15_000);
        conduit.setClient(policy);
        if (properties.noticeUsername() != null) {
            AuthorizationPolicy basic = new AuthorizationPolicy();
            basic.setAuthorizationType("Basic");
            basic.setUserName(properties.noticeUsername());
            basic.setPassword(properties.noticePassword());
            conduit.setAuthorization(basic);
        }
        log.info("ERP simulator sends shipment notices to {}", address);
        return created;
    }
}
