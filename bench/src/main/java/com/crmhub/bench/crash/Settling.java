package com.crmhub.bench.crash;

import com.crmhub.bench.process.Database;
import java.time.Duration;
import java.util.Map;

/**
 * Waits until every flow has settled after the last kill: all orders PAID, nothing in the outbox, nothing on a flow
 * queue, and nothing left to do at the ERP (shipping, notices) or at finance (issuing, paying, webhooks). A flow that
 * stopped short (an order parked on a dead-letter queue) is seen as quiet but not done; after a minute of that the
 * wait ends and the audit says what is missing. Past the timeout the run fails.
 */
final class Settling {

    private static final Duration STUCK = Duration.ofMinutes(1);

    private final CrashSystem system;
    private final BrokerQueues queues;
    private final int deals;

    Settling(CrashSystem system, BrokerQueues queues, int deals) {
        this.system = system;
        this.queues = queues;
        this.deals = deals;
    }

    /** How long settling took, and whether the flows were done (or stuck) before the timeout. */
    record Outcome(double seconds, boolean inTime) {
    }

    Outcome await(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long quietSince = 0;
        int lastPaid = -1;
        long lastReport = 0;
        Database database = system.database();
        while (System.nanoTime() < deadline) {
            int paid = -1;
            boolean quiet = false;
            try {
                paid = HubRecords.ordersPaid(database);
                quiet = HubRecords.outboxPending(database) == 0
                        && flowQueuesEmpty(queues.messageCounts())
                        && SimulatorRecords.read(system.erpAdmin(), system.financeAdmin()).quiet();
            } catch (Exception notNow) {
                // the hub or a simulator is busy or coming back; ask again
            }
            if (quiet && paid == deals) {
                return new Outcome((System.nanoTime() - start) / 1e9, true);
            }
            long now = System.nanoTime();
            if (!quiet || paid != lastPaid) {
                quietSince = now;
            } else if (now - quietSince > STUCK.toNanos()) {
                return new Outcome((now - start) / 1e9, true);
            }
            lastPaid = paid;
            if (now - lastReport > 10_000_000_000L) {
                System.out.printf("   settling: %d of %d orders PAID%s%n", Math.max(paid, 0), deals,
                        quiet ? ", nothing under way" : "");
                lastReport = now;
            }
            Thread.sleep(500);
        }
        return new Outcome((System.nanoTime() - start) / 1e9, false);
    }

    private static boolean flowQueuesEmpty(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(q -> !BrokerQueues.isDeadLetterQueue(q.getKey()))
                .allMatch(q -> q.getValue() == 0);
    }
}
