package com.crmhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.outbox.OutboxStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay's promises: every committed event reaches the broker, in order per record, none twice — also when
 * the broker goes away and comes back — and an event whose transaction rolls back never leaves.
 */
abstract class OutboxRelayScenarios {

    static final String PROBE_QUEUE = "crm.events::crm.events.test-probe";

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxStore outboxStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JmsTemplate jms;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void relaysEveryCommittedEventInOrderPerRecord() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c");
        for (int n = 1; n <= 10; n++) {
            for (String key : keys) {
                int number = n;
                transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, number)));
            }
        }

        Map<String, List<Integer>> received = receive(run, 30);

        keys.forEach(key -> assertThat(received.get(key)).as("events of %s", key)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeverSent() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(tx -> {
            outbox.publish(new OutboxProbe(run + "-x", 1));
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(run + "-x", 2)));

        Map<String, List<Integer>> received = receive(run, 1);

        assertThat(received.get(run + "-x")).containsExactly(2);
    }

    @Test
    void survivesABrokerRestartWithoutLosingDuplicatingOrReorderingEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = run + "-r";
        for (int n = 1; n <= 5; n++) {
            int number = n;
            transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, number)));
        }
        broker.stop();
        try {
            for (int n = 6; n <= 15; n++) {
                int number = n;
                transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, number)));
            }
            // While the broker is down the events wait in the outbox.
            Thread.sleep(1000);
            assertThat(outboxStore.pendingCount()).isPositive();
        } finally {
            broker.start();
        }

        Map<String, List<Integer>> received = receive(run, 15);

        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            expected.add(n);
        }
        assertThat(received.get(key)).containsExactlyElementsOf(expected);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxStore.pendingCount() == 0);
    }

    @Test
    void anEventSentBeforeACrashButNotMarkedReachesConsumersOnceAndHoldsNothingUp() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = run + "-d";
        transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, 1)));
        Map<String, List<Integer>> first = receive(run, 1);
        assertThat(first.get(key)).containsExactly(1);
        // As if the hub died between the broker's acknowledgement and the mark: the relay sends it again, with more.
        jdbc.update("update outbox_event set published_at = null where business_key = ?", "probe:" + key);
        for (int n = 2; n <= 4; n++) {
            int number = n;
            transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, number)));
        }

        Map<String, List<Integer>> received = receive(run, 3);

        assertThat(received.get(key)).containsExactly(2, 3, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxStore.pendingCount() == 0);
    }

    /** Receives this run's probes until {@code expected} have arrived and one more second brings nothing new. */
    private Map<String, List<Integer>> receive(String run, int expected) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        String selector = "hubBusinessKey LIKE 'probe:" + run + "%'";
        int count = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        jms.setReceiveTimeout(1000);
        while (System.nanoTime() < deadline) {
            Message message = jms.receiveSelected(PROBE_QUEUE, selector);
            if (message == null) {
                if (count >= expected) {
                    break;
                }
                continue;
            }
            JsonNode payload = read(message).path("payload");
            byKey.computeIfAbsent(payload.path("key").asText(), k -> new ArrayList<>()).add(payload.path("n").asInt());
            count++;
        }
        return byKey;
    }

    private JsonNode read(Message message) {
        try {
            JsonNode envelope = objectMapper.readTree(((TextMessage) message).getText());
            assertThat(envelope.path("type").asText()).isEqualTo("OutboxProbe");
            assertThat(envelope.path("messageId").asText()).isEqualTo(message.getStringProperty("hubMessageId"));
            return envelope;
        } catch (JMSException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
