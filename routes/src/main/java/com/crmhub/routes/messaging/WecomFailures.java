package com.crmhub.routes.messaging;

import com.crmhub.connectors.wecom.WecomApiException;
import com.crmhub.connectors.wecom.WecomBackOffException;
import com.crmhub.connectors.wecom.WecomPermanentException;
import com.crmhub.routes.shared.PermanentFailure;
import com.crmhub.routes.shared.RetryLater;
import org.springframework.stereotype.Component;

/**
 * WeCom's answers as the flow error handling understands them: asked to slow down (45009, 45033, HTTP 429) is
 * {@link RetryLater} after {@code hub.messaging.inbound.kf-back-off}, a refusal no retry changes is a
 * {@link PermanentFailure} parked with the errcode, and the rest (-1 busy, 5xx, timeouts, a token refused even when
 * fresh) is left to fail the delivery, which the broker repeats with its backoff.
 */
@Component
class WecomFailures {

    private final MessagingInboundProperties properties;

    WecomFailures(MessagingInboundProperties properties) {
        this.properties = properties;
    }

    RuntimeException translate(WecomApiException e) {
        if (e instanceof WecomBackOffException) {
            return new RetryLater(e.getMessage(), properties.kfBackOff(), e);
        }
        if (e instanceof WecomPermanentException) {
            String errcode = e.errcode().isPresent() ? Integer.toString(e.errcode().getAsInt()) : "none";
            return new PermanentFailure("WeCom errcode " + errcode + ": " + e.getMessage(), e);
        }
        return e;
    }
}
