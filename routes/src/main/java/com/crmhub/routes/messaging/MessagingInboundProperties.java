package com.crmhub.routes.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub processes the WeCom and DingTalk callbacks it has stored ({@code hub.messaging.inbound.*}); the queues
 * and dead-letter queues are the {@code wecom-inbound} and {@code dingtalk-inbound} entries of {@code hub.flows}.
 *
 * @param consumers   concurrent consumers per inbound flow (default 2)
 * @param kfBackOff   how long a kf/sync_msg pull waits after WeCom's frequency or concurrency limit (45009, 45033)
 *                    before it is tried again, without using up an attempt (default 1m)
 */
@Validated
@ConfigurationProperties("hub.messaging.inbound")
public record MessagingInboundProperties(@Min(1) @DefaultValue("2") int consumers,
                                         @NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration kfBackOff) {
}
