package com.crmhub.connectors.finance.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * POSTs invoice events to the hub's webhook as the finance system does: signed with
 * {@code X-Finance-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}, and again (same body, fresh
 * timestamp and signature, waiting twice as long each time, up to a minute) until the hub answers 2xx.
 */
final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final FinanceSimulatorProperties properties;
    private final Environment environment;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, SentEvent> events = new LinkedHashMap<>();
    /** Bumped by {@link #forget()}, so that deliveries of a previous generation stop retrying. */
    private long generation;
    private volatile WebhookFault fault = WebhookFault.NONE;

    WebhookSender(FinanceSimulatorProperties properties, Environment environment, ScheduledExecutorService scheduler,
                  Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void send(String eventId, String type, String invoiceId, String body) {
        long current;
        synchronized (this) {
            events.put(eventId, new SentEvent(eventId, type, invoiceId, 0, false, null, body));
            current = generation;
        }
        submit(() -> attempt(eventId, body, 1, current), Duration.ZERO);
    }

    /** Sends a delivered (or undelivered) event once more, as a finance system does after a lost acknowledgement. */
    boolean redeliver(String eventId) {
        SentEvent event;
        long current;
        synchronized (this) {
            event = events.get(eventId);
            current = generation;
        }
        if (event == null) {
            return false;
        }
        submit(() -> attempt(eventId, event.body(), event.attempts() + 1, current), Duration.ZERO);
        return true;
    }

    void fault(WebhookFault fault) {
        this.fault = fault;
    }

    WebhookFault fault() {
        return fault;
    }

    synchronized List<SentEvent> events() {
        return new ArrayList<>(events.values());
    }

    synchronized Optional<SentEvent> event(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    synchronized void forget() {
        events.clear();
        fault = WebhookFault.NONE;
        generation++;
    }

    /** The signature the hub must compute the same way: exposed so black-box tests can sign bodies of their own. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private void attempt(String eventId, String body, int attempt, long ofGeneration) {
        synchronized (this) {
            if (ofGeneration != generation) {
                return;
            }
        }
        String result;
        boolean delivered = false;
        try {
            WebhookFault spoil = fault;
            long now = clock.instant().getEpochSecond();
            String timestamp = Long.toString(spoil == WebhookFault.STALE_TIMESTAMP ? now - 600 : now);
            String secret = spoil == WebhookFault.BAD_SIGNATURE ? properties.webhookSecret() + "-wrong"
                    : properties.webhookSecret();
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookAddress()))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("X-Finance-Timestamp", timestamp)
                    .header("X-Finance-Signature", signature(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            delivered = status / 100 == 2;
            result = Integer.toString(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            result = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        synchronized (this) {
            if (ofGeneration != generation) {
                return;
            }
            SentEvent sent = events.get(eventId);
            if (sent != null) {
                events.put(eventId, new SentEvent(eventId, sent.type(), sent.invoiceId(), attempt,
                        delivered || sent.delivered(), result, body));
            }
        }
        if (delivered) {
            log.info("Finance simulator: event {} delivered (attempt {})", eventId, attempt);
            return;
        }
        Duration delay = backoff(attempt);
        log.info("Finance simulator: event {} not delivered ({}); again in {}", eventId, result, delay);
        submit(() -> attempt(eventId, body, attempt + 1, ofGeneration), delay);
    }

    private Duration backoff(int attempt) {
        Duration delay = properties.webhookRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void submit(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Finance simulator shutting down; an event stays undelivered");
        }
    }

    /** A path means this hub itself, on the port it actually listens on (known only once the server runs). */
    private String webhookAddress() {
        String url = properties.webhookUrl();
        if (!url.startsWith("/")) {
            return url;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + url;
    }
}
