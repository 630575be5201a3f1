package com.crmhub.bench.measure.orders;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * An embedded Artemis set up as the hub's: what Spring Boot's embedded configuration does (persistent, NIO journal with
 * Artemis' default sync and buffer timeout, in-VM acceptor, security off), the multicast {@code crm.events} address
 * with the deal-won subscription queue and its redelivery settings (config's EmbeddedBrokerSubscriptions and
 * application.yml), and clients through a caching connection factory holding 10 sessions
 * ({@code spring.jms.cache.session-cache-size}), as Camel's JMS component gets it.
 */
final class HubLikeBroker implements AutoCloseable {

    static final String ADDRESS = "crm.events";
    static final String QUEUE = "crm.events.deal-won";
    /** The JMS name of the subscription queue, as the hub's deal-won flow consumes it. */
    static final String FQQN = ADDRESS + "::" + QUEUE;
    static final String TYPE = "hubType";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final CachingConnectionFactory connections;
    private final ActiveMQConnectionFactory target;

    private HubLikeBroker(Path dataDirectory, String name) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName(name);
        configuration.setSecurityEnabled(false);
        configuration.setPersistenceEnabled(true);
        configuration.setJournalDirectory(dataDirectory.resolve("journal").toString());
        configuration.setJournalType(JournalType.NIO);
        configuration.setLargeMessagesDirectory(dataDirectory.resolve("largemessages").toString());
        configuration.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        configuration.setPagingDirectory(dataDirectory.resolve("paging").toString());
        int serverId = Math.abs(name.hashCode() % 10_000);
        configuration.getAcceptorConfigurations().add(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                java.util.Map.of("serverId", serverId)));
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ")).setExpiryAddress(SimpleString.of("ExpiryQueue")));
        configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(ADDRESS)
                .addRoutingType(RoutingType.MULTICAST)
                .addQueueConfiguration(QueueConfiguration.of(QUEUE).setAddress(ADDRESS)
                        .setRoutingType(RoutingType.MULTICAST).setFilterString(TYPE + " = 'DealWon'")
                        .setDurable(true)));
        // The hub's redelivery for flows on crm.events (hub.flows[] defaults): only matters on a rollback.
        configuration.addAddressSetting(ADDRESS, new AddressSettings()
                .setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(300_000)
                .setMaxDeliveryAttempts(11).setDeadLetterAddress(SimpleString.of("dlq.deal-won-to-order"))
                .setAutoCreateDeadLetterResources(false));
        server.setConfiguration(configuration);
        server.start();
        target = new ActiveMQConnectionFactory("vm://" + serverId);
        connections = new CachingConnectionFactory(target);
        connections.setSessionCacheSize(10);
    }

    static HubLikeBroker start(Path dataDirectory, String name) throws Exception {
        return new HubLikeBroker(dataDirectory, name);
    }

    ConnectionFactory connectionFactory() {
        return connections;
    }

    @Override
    public void close() throws Exception {
        connections.destroy();
        target.close();
        server.stop();
    }
}
