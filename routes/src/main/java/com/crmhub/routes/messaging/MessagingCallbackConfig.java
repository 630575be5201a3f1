package com.crmhub.routes.messaging;

import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.wecom.WecomProperties;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.core.JmsTemplate;

/** The callback endpoints' parts: per-app codecs and the template that stores callbacks on the broker. */
@Configuration
class MessagingCallbackConfig {

    @Bean
    WecomCallbackCodecs wecomCallbackCodecs(WecomProperties properties) {
        return new WecomCallbackCodecs(properties);
    }

    @Bean
    DingtalkCallbackCodecs dingtalkCallbackCodecs(DingtalkProperties properties, ObjectProvider<Clock> clock) {
        return new DingtalkCallbackCodecs(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CallbackStore callbackStore(ConnectionFactory connectionFactory) {
        // Its own template: persistent delivery spelled out rather than inherited from whatever spring.jms.template
        // says, and no session transaction, so that a repeat the broker drops as a duplicate is no error.
        JmsTemplate template = new JmsTemplate(connectionFactory);
        template.setExplicitQosEnabled(true);
        template.setDeliveryPersistent(true);
        template.setSessionTransacted(false);
        return new CallbackStore(template);
    }
}
