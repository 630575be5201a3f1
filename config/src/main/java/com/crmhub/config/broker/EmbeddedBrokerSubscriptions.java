package com.crmhub.config.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/** Declares the configured multicast addresses and their durable, filtered subscription queues on the embedded broker. */
@Component
class EmbeddedBrokerSubscriptions implements ArtemisConfigurationCustomizer {

    private final BrokerProperties properties;

    EmbeddedBrokerSubscriptions(BrokerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        Map<String, CoreAddressConfiguration> addresses = new LinkedHashMap<>();
        for (BrokerProperties.Subscription s : properties.subscriptions()) {
            CoreAddressConfiguration address = addresses.computeIfAbsent(s.address(),
                    name -> new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.MULTICAST));
            address.addQueueConfiguration(QueueConfiguration.of(s.queue())
                    .setAddress(s.address())
                    .setRoutingType(RoutingType.MULTICAST)
                    .setFilterString(s.filter())
                    .setDurable(true));
        }
        addresses.values().forEach(configuration::addAddressConfiguration);
    }
}
