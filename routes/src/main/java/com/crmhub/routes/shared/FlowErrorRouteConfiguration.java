package com.crmhub.routes.shared;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The error handling every queue-fed flow opts into ({@code .routeConfigurationId(FLOW_ERRORS)}). One layer owns
 * redelivery: the broker. Camel never redelivers; a failed exchange rolls back its JMS transaction and the broker
 * delivers the message again after the flow's delay (1 s, ×2, at most 5 min by default). The route only decides when to
 * stop: a message that can never succeed is parked at once, and one that failed its last allowed delivery is parked
 * with its reason and attempt count. A message the other system asked to send later ({@link RetryLater}) is deferred.
 */
@Component
public class FlowErrorRouteConfiguration extends RouteConfigurationBuilder {

    public static final String FLOW_ERRORS = "flow-errors";

    @Override
    public void configuration() {
        RouteConfigurationDefinition flowErrors = routeConfiguration(FLOW_ERRORS);
        // Park the message as it arrived (the envelope), not what the route had turned its body into by then: the
        // dead letter is replayed from it, and its listeners read the envelope.
        flowErrors.onException(PermanentFailure.class, InvalidMessageException.class)
                .useOriginalMessage()
                .handled(true)
                .bean("deadLetters", "park");
        // Asked to wait (429 Retry-After): back on the queue for then, without using an attempt.
        flowErrors.onException(RetryLater.class)
                .useOriginalMessage()
                .handled(true)
                .bean("deferredDeliveries", "defer");
        flowErrors.onException(Exception.class)
                .onWhen(method("deadLetters", "exhausted"))
                .useOriginalMessage()
                .handled(true)
                .bean("deadLetters", "park");
        flowErrors.onException(Exception.class)
                .handled(false)
                .log(LoggingLevel.WARN, "${routeId}: delivery ${header.JMSXDeliveryCount} of ${header.hubBusinessKey} "
                        + "failed, the broker will redeliver: ${exception.class.simpleName}: ${exception.message}");
    }
}
