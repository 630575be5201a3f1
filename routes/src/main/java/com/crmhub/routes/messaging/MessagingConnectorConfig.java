package com.crmhub.routes.messaging;

import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.dingtalk.DingtalkRobotClient;
import com.crmhub.connectors.wecom.WecomApiClient;
import com.crmhub.connectors.wecom.WecomProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({WecomProperties.class, DingtalkProperties.class})
public class MessagingConnectorConfig {
    @Bean WecomApiClient wecomApiClient(WecomProperties p) { return new WecomApiClient(p); }
    @Bean DingtalkRobotClient dingtalkRobotClient(DingtalkProperties p) { return new DingtalkRobotClient(p); }
}
