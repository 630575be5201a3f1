package com.crmhub.routes.messaging;

import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts callbacks and inbound messages in {@code hub.messaging.callbacks{channel, outcome, reason}}: at the endpoints
 * {@code stored}, {@code verified} (URL verification, check_url) or {@code rejected} with the
 * {@link CallbackRejection} (or {@code UNKNOWN_APP}, {@code STORE_FAILED}); in the flows {@code archived},
 * {@code unmatched}, {@code duplicate}, {@code linked}, ... and {@code ignored} with the event type.
 */
@Component
public class CallbackMetrics {

    public static final String METER = "hub.messaging.callbacks";
    public static final String NONE = "none";

    private final MeterRegistry meters;

    public CallbackMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void rejected(String channel, CallbackRejection reason) {
        rejected(channel, reason.name());
    }

    public void rejected(String channel, String reason) {
        count(channel, "rejected", reason);
    }

    public void count(String channel, String outcome, String reason) {
        meters.counter(METER, "channel", channel, "outcome", outcome.toLowerCase(Locale.ROOT),
                "reason", reason == null ? NONE : reason).increment();
    }
}
