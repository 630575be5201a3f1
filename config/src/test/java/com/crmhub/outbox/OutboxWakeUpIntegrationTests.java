package com.crmhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.outbox.OutboxStore;
import com.crmhub.support.HubIntegrationTest;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** With the relay's next poll an hour away, only the commit itself can send an event on its way. */
@HubIntegrationTest
@TestPropertySource(properties = "hub.outbox.poll-interval=1h")
class OutboxWakeUpIntegrationTests {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxStore outboxStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JmsTemplate jms;
    @Autowired
    CamelContext camel;

    @Test
    void aCommittedEventLeavesAtOnceNotAtTheNextPoll() {
        // The timer's first poll comes a second after the relay starts; after it, the next is an hour away.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> camel.getRoute("outbox-relay-poll").getUptimeMillis() > 2_000);
        String key = "wake-" + UUID.randomUUID().toString().substring(0, 8);

        for (int n = 1; n <= 3; n++) {
            int number = n;
            transactions.executeWithoutResult(tx -> outbox.publish(new OutboxProbe(key, number)));
            jms.setReceiveTimeout(5_000);
            Message received = jms.receiveSelected(OutboxRelayScenarios.PROBE_QUEUE, "hubBusinessKey = 'probe:" + key + "'");
            assertThat(received).as("event %d of %s on the broker within 5 s", number, key).isNotNull();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> outboxStore.pendingCount() == 0);
    }
}
