package com.crmhub.config.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares on the embedded broker the configured multicast addresses with their durable, filtered subscription queues,
 * and each flow's redelivery policy (delay, multiplier, ceiling) on the address its queue lives on.
 */
@Component
class EmbeddedBrokerSubscriptions implements ArtemisConfigurationCustomizer {

    private final BrokerProperties properties;
    private final FlowProperties flows;

    EmbeddedBrokerSubscriptions(BrokerProperties properties, FlowProperties flows) {
        this.properties = properties;
        this.flows = flows;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.setName(properties.name());
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
        for (FlowProperties.Flow flow : flows.flows()) {
            configuration.addQueueConfiguration(QueueConfiguration.of(flow.deadLetterQueue())
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            FlowProperties.Redelivery r = flow.redelivery();
            configuration.addAddressSetting(flow.address(), new AddressSettings()
                    .setRedeliveryDelay(r.initialDelay().toMillis())
                    .setRedeliveryMultiplier(r.multiplier())
                    .setMaxRedeliveryDelay(r.maxDelay().toMillis())
                    // The route parks a message with its reason after maxAttempts; this only catches a failure to park.
                    .setMaxDeliveryAttempts(r.maxAttempts() + 1)
                    .setDeadLetterAddress(SimpleString.of(flow.deadLetterQueue()))
                    .setAutoCreateDeadLetterResources(false));
        }
    }
}
