package com.crmhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.support.HubIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

@HubIntegrationTest
class MailInboundIntegrationTests extends MailInboundScenarios {

    @Autowired
    JmsTemplate jms;

    /** What a replayed dead letter is: the raw mail on the flow's queue, with the mailbox it was read from. */
    @Test
    void aMailReplayedThroughTheFlowsQueueIsArchivedLikeOneReadFromTheMailbox() {
        String from = "replayed-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        long account = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Replay")))
                .expect(201).id();
        long contact = as("sales_east1").post("/api/v1/accounts/" + account + "/contacts", Map.of("name", "Replayed",
                "email", from)).expect(201).id();
        String raw = "Message-ID: <" + UUID.randomUUID() + "@customer.example>\r\nFrom: " + from
                + "\r\nTo: crm@test.local\r\nSubject: Fixed by the operator\r\nContent-Type: text/plain; "
                + "charset=ISO-8859-1\r\n\r\nM\u00fcller's corrected mail\r\n";

        jms.convertAndSend("mail.inbound", raw, m -> {
            m.setStringProperty("hubSourceSystem", "mail:crm");
            return m;
        });

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !as("sales_east1")
                .get("/api/v1/contacts/" + contact + "/timeline").expect(200).body().path("items").isEmpty());
        assertThat(as("sales_east1").get("/api/v1/contacts/" + contact + "/timeline").expect(200).body().path("items")
                .get(0).path("body").asText()).isEqualTo("Müller's corrected mail");
    }
}
