package com.crmhub.connectors.messaging.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs callbacks to the hub as WeCom does: the same request again when the hub has not answered 200 within the
 * timeout (WeCom: 5 s, then it cuts the connection), up to {@code retries} more times, {@code retry-delay} apart. The
 * same policy serves DingTalk's callbacks. Every callback and its outcome is kept for {@link #callbacks()}; payloads are
 * never logged.
 */
final class CallbackSender {

    /** Decides whether an answer acknowledges the callback: null if it does, else why not. */
    interface ReplyCheck {
        String problem(int status, String body);

        ReplyCheck STATUS_200 = (status, body) -> status == 200 ? null : "HTTP " + status;
    }

    /** One callback to deliver: everything but the hub's address is fixed before the first attempt. */
    record Outgoing(DeliveredCallback.Kind kind, String target, String pathAndQuery, Map<String, String> headers,
                    String body, String payload, ReplyCheck check) {
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);
    private static final int MAX_KEPT = 10_000;

    private final MessagingSimulatorProperties.Callbacks config;
    private final Supplier<String> hubUrl;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, DeliveredCallback> callbacks = new LinkedHashMap<>();
    /** Bumped by {@link #forget()}, so that deliveries of a previous generation stop retrying. */
    private long generation;

    CallbackSender(MessagingSimulatorProperties.Callbacks config, Supplier<String> hubUrl,
                   ScheduledExecutorService scheduler, Clock clock) {
        this.config = config;
        this.hubUrl = hubUrl;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Queues the first attempt; returns the callback's id. */
    String send(Outgoing outgoing) {
        String id = "CB-" + UUID.randomUUID();
        String url = hubUrl.get() + outgoing.pathAndQuery();
        long current;
        synchronized (this) {
            if (callbacks.size() >= MAX_KEPT) {
                callbacks.remove(callbacks.keySet().iterator().next());
            }
            callbacks.put(id, new DeliveredCallback(id, outgoing.kind(), outgoing.target(), url, outgoing.payload(),
                    0, false, false, null, null, null));
            current = generation;
        }
        submit(() -> attempt(id, url, outgoing, 1, current), Duration.ZERO);
        return id;
    }

    synchronized List<DeliveredCallback> callbacks() {
        return new ArrayList<>(callbacks.values());
    }

    synchronized Optional<DeliveredCallback> callback(String id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    synchronized void forget() {
        callbacks.clear();
        generation++;
    }

    private void attempt(String id, String url, Outgoing outgoing, int attempt, long ofGeneration) {
        synchronized (this) {
            if (ofGeneration != generation) {
                return;
            }
        }
        String problem;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.timeout())
                    .POST(HttpRequest.BodyPublishers.ofString(outgoing.body(), StandardCharsets.UTF_8));
            outgoing.headers().forEach(request::header);
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            problem = outgoing.check().problem(response.statusCode(), response.body());
            if (problem != null && !problem.startsWith("HTTP")) {
                problem = "HTTP " + response.statusCode() + ", " + problem;
            }
        } catch (HttpTimeoutException e) {
            problem = "no answer within " + config.timeout().toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean delivered = problem == null;
        boolean last = !delivered && attempt > config.retries();
        synchronized (this) {
            if (ofGeneration != generation) {
                return;
            }
            DeliveredCallback callback = callbacks.get(id);
            if (callback != null) {
                callbacks.put(id, callback.attempted(attempt, delivered, last, delivered ? "HTTP 200" : problem,
                        clock.instant()));
            }
        }
        if (delivered) {
            log.info("Messaging simulator: {} callback {} delivered (attempt {})", outgoing.kind(), id, attempt);
        } else if (last) {
            log.warn("Messaging simulator: {} callback {} not delivered after {} attempts ({})", outgoing.kind(), id,
                    attempt, problem);
        } else {
            log.info("Messaging simulator: {} callback {} not delivered ({}); again in {}", outgoing.kind(), id,
                    problem, config.retryDelay());
            submit(() -> attempt(id, url, outgoing, attempt + 1, ofGeneration), config.retryDelay());
        }
    }

    private void submit(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Messaging simulator shutting down; a callback stays undelivered");
        }
    }
}
