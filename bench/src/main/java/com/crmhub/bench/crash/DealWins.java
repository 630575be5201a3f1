package com.crmhub.bench.crash;

import com.crmhub.bench.process.HttpApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wins the deals through the hub's API as a careful client does: one {@code Idempotency-Key} per deal, and the same
 * request again with the same key after a refused connection, a cut answer or a 5xx — so a hub killed mid-request
 * never makes the client win a deal twice, and every deal is won although the hub died under it.
 */
final class DealWins {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final HttpApi alice;
    private final ObjectMapper json;
    private final String runId;
    private final AtomicInteger won = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger wonBefore = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    DealWins(HttpApi alice, ObjectMapper json, String runId) {
        this.alice = alice;
        this.json = json;
        this.runId = runId;
    }

    /** Deals won so far (answered 200, replayed, or found WON). */
    int won() {
        return won.get();
    }

    /** Wins every deal with {@code clients} concurrent clients; returns once each is won or has failed for good. */
    Tally winAll(List<Long> deals, int clients) throws InterruptedException {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(deals);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                Long deal;
                while ((deal = queue.poll()) != null && !Thread.currentThread().isInterrupted()) {
                    win(deal, deadline);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(PATIENCE.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
        return new Tally(deals.size(), won.get(), attempts.get(), unanswered.get(), serverErrors.get(),
                inProgress.get(), replayed.get(), wonBefore.get(), List.copyOf(failures));
    }

    private void win(long deal, long deadline) {
        Map<String, String> key = Map.of("Idempotency-Key", "crash-" + runId + "-win-" + deal);
        while (System.nanoTime() < deadline) {
            attempts.incrementAndGet();
            HttpResponse<String> answer;
            try {
                answer = alice.send("POST", "/api/v1/deals/" + deal + "/win", null, key);
            } catch (IOException hubDown) {
                unanswered.incrementAndGet();
                pause(200);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = answer.statusCode();
            if (status == 200) {
                if ("true".equals(answer.headers().firstValue("Idempotent-Replayed").orElse(null))) {
                    replayed.incrementAndGet();
                }
                won.incrementAndGet();
                return;
            }
            if (status >= 500) {
                serverErrors.incrementAndGet();
                pause(200);
                continue;
            }
            if (status == 409 && answer.body().contains("Request in progress")) {
                // The first attempt's claim: its hub may have died; the hub lets a retry take it over in time.
                inProgress.incrementAndGet();
                pause(500);
                continue;
            }
            if (status == 409) {
                Boolean wonAlready = isWon(deal);
                if (wonAlready == null) {
                    unanswered.incrementAndGet();
                    pause(200);
                    continue;
                }
                if (wonAlready) {
                    // A retry that took over the claim of an attempt which won the deal but died before answering.
                    wonBefore.incrementAndGet();
                    won.incrementAndGet();
                    return;
                }
                if (answer.body().contains("changed by someone else")) {
                    // Two attempts of this key ran at once (a slow one outlived the claim timeout): the other is
                    // still committing. Read again and retry, as the problem says; the key then replays its answer.
                    pause(200);
                    continue;
                }
            }
            failures.add("deal " + deal + ": " + status + " " + abbreviate(answer.body()));
            return;
        }
        failures.add("deal " + deal + ": not won within " + PATIENCE);
    }

    /** Whether the deal is WON; null when the hub did not say (down again). */
    private Boolean isWon(long deal) {
        try {
            HttpResponse<String> answer = alice.send("GET", "/api/v1/deals/" + deal, null);
            return answer.statusCode() == 200
                    ? "WON".equals(json.readTree(answer.body()).path("status").asText()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /**
     * What winning took.
     *
     * @param unanswered   attempts that got no answer (refused connection, cut answer: the hub was down or died)
     * @param serverErrors attempts answered 5xx
     * @param inProgress   attempts answered 409 while a dead attempt's claim still held the key
     * @param replayed     wins answered from the hub's stored answer of an earlier attempt
     * @param wonBefore    retries that found the deal won by an attempt whose answer was lost
     */
    record Tally(int deals, int won, int attempts, int unanswered, int serverErrors, int inProgress, int replayed,
                 int wonBefore, List<String> failures) {
    }
}
