package com.crmhub.bench.measure.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop clients: each sends its next request as soon as the last one was answered, until all requests of the
 * round are sent. Answer times go into one HdrHistogram (microseconds, 3 significant digits).
 */
final class ConcurrentClients {

    /** One request: returns the HTTP status. */
    @FunctionalInterface
    interface Request {
        int send(int index) throws Exception;
    }

    /** What a round of requests gave. */
    record Sent(int requests, int failures, String firstFailure, double seconds, Histogram answerMicros) {

        double p(double percentile) {
            return answerMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private ConcurrentClients() {
    }

    static Sent run(int clients, int requests, Request request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String[] firstFailure = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> results = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    Histogram histogram = new Histogram(60_000_000L, 3);
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        String failure;
                        try {
                            int status = request.send(i);
                            failure = status / 100 == 2 ? null : "HTTP " + status;
                        } catch (java.io.IOException e) {
                            failure = e.toString();
                        }
                        histogram.recordValue(Math.min((System.nanoTime() - sent) / 1000, 60_000_000L));
                        if (failure != null) {
                            failures.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = failure;
                                }
                            }
                        }
                    }
                    return histogram;
                }));
            }
            Histogram all = new Histogram(60_000_000L, 3);
            for (Future<Histogram> result : results) {
                all.add(result.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Sent(requests, failures.get(), firstFailure[0], seconds, all);
        } finally {
            pool.shutdownNow();
        }
    }
}
