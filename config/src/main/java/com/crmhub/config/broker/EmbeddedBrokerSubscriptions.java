package com.crmhub.config.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
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
        Map<String, List<FlowProperties.Flow>> flowsByAddress = flows.flows().stream()
                .collect(Collectors.groupingBy(FlowProperties.Flow::address, LinkedHashMap::new, Collectors.toList()));
        flowsByAddress.forEach((address, onAddress) -> {
            onAddress.forEach(flow -> configuration.addQueueConfiguration(QueueConfiguration.of(flow.deadLetterQueue())
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            // One policy per address: the last flow's delays, and attempts enough for every flow on it, so that each
            // route parks with its reason before the broker gives up on its own.
            FlowProperties.Redelivery r = onAddress.get(onAddress.size() - 1).redelivery();
            int attempts = onAddress.stream().mapToInt(f -> f.redelivery().maxAttempts()).max().orElseThrow();
            configuration.addAddressSetting(address, new AddressSettings()
                    .setRedeliveryDelay(r.initialDelay().toMillis())
                    .setRedeliveryMultiplier(r.multiplier())
                    .setMaxRedeliveryDelay(r.maxDelay().toMillis())
                    // The route parks a message with its reason after maxAttempts; this only catches a failure to park
                    // (or to commit what the route did).
                    .setMaxDeliveryAttempts(attempts + 1)
                    .setDeadLetterAddress(SimpleString.of(deadLetterAddress(address, onAddress, configuration)))
                    .setAutoCreateDeadLetterResources(false));
        });
    }

    /**
     * Where the broker sets aside what a flow could not finish. Address settings are per address, but several flows
     * subscribe to one multicast address: their messages go to a dead-letter address of that address, from which a
     * divert per flow takes each to its own flow's dead-letter queue by the queue it came from (anything else stays
     * on a catch-all queue there), so that a set-aside DealWon is never replayed into another flow.
     */
    private static String deadLetterAddress(String address, List<FlowProperties.Flow> onAddress,
                                            org.apache.activemq.artemis.core.config.Configuration configuration) {
        if (onAddress.size() == 1) {
            return onAddress.get(0).deadLetterQueue();
        }
        String shared = "dlq." + address;
        configuration.addQueueConfiguration(QueueConfiguration.of(shared).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        for (FlowProperties.Flow flow : onAddress) {
            configuration.addDivertConfiguration(new DivertConfiguration()
                    .setName("dead-letters-of-" + flow.name())
                    .setAddress(shared)
                    .setForwardingAddress(flow.deadLetterQueue())
                    .setFilterString(Message.HDR_ORIGINAL_QUEUE + " = '" + flow.queueName() + "'")
                    .setExclusive(true)
                    .setRoutingType(ComponentConfigurationRoutingType.ANYCAST));
        }
        return shared;
    }
}
