package com.crmhub.routes.mail;

import com.crmhub.routes.shared.BreakerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mail flows beyond the SMTP connection itself ({@code hub.mail.outbound.*} of the connector): consumers of
 * {@code mail-outbound} and the SMTP server's circuit breaker, shared with e-mail notifications.
 */
@Validated
@ConfigurationProperties("hub.mail.flow")
public record MailFlowProperties(@Min(1) @DefaultValue("1") int consumers,
                                 @Valid @DefaultValue BreakerSettings breaker) {
}
