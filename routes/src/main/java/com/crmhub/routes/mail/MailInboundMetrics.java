package com.crmhub.routes.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts mails read in {@code hub.mail.inbound{mailbox, outcome}}: {@code archived}, {@code unmatched},
 * {@code ignored}, {@code duplicate}, or {@code malformed} (parked).
 */
@Component
class MailInboundMetrics {

    static final String METER = "hub.mail.inbound";

    private final MeterRegistry meters;

    MailInboundMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String mailbox, String outcome) {
        meters.counter(METER, "mailbox", mailbox, "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }
}
