package com.crmhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.account.TestData;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import com.crmhub.support.TestMailServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Mail to contacts end to end: the API over real HTTP, the outbox and the embedded broker, the mail-outbound flow,
 * and a real SMTP server ({@link TestMailServer}: GreenMail on a free port, or in its place a server refusing
 * recipients with 550). Test users: see application-test.yml.
 */
@HubIntegrationTest
class MailOutboundIntegrationTests extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);

    @Autowired
    TestMailServer mailServer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JmsTemplate jms;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void serverBack() {
        mailServer.restore();
    }

    // ---- sending ---------------------------------------------------------------------------------------------------

    @Test
    void aMailToAContactArrivesWithItsMessageIdAndIsArchivedOnTheContactsAndAccountsTimelines() throws Exception {
        Contact contact = contact("sales_east1");
        String subject = unique("报价单");

        JsonNode accepted = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails", Map.of(
                "subject", subject,
                "text", "李经理，您好：\n\n附上 <b>报价</b> & 条款。\n祝好",
                "cc", List.of("Boss@Customer.Example"))).expect(202).body();
        assertThat(accepted.path("status").asText()).isEqualTo("QUEUED");
        String messageId = accepted.path("messageId").asText();
        assertThat(messageId).startsWith("<").endsWith("@hub.test>");

        JsonNode sent = awaitStatus(contact, accepted.path("id").asLong(), "SENT");
        assertThat(sent.path("sentAt").asText()).isNotBlank();
        assertThat(sent.path("attempts").asInt()).isEqualTo(1);

        List<MimeMessage> copies = mailServer.withMessageId(messageId);
        assertThat(copies).hasSize(2); // the contact's mailbox and the cc's
        MimeMessage mail = copies.get(0);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(contact.email());
        assertThat(mail.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("boss@customer.example");
        assertThat(mail.getFrom()[0].toString()).contains("crm@hub.test");
        assertThat(TestMailServer.part(mail, "text/plain")).isEqualTo("李经理，您好：\n\n附上 <b>报价</b> & 条款。\n祝好");
        assertThat(TestMailServer.part(mail, "text/html")).contains("<p>李经理，您好：</p>")
                .contains("附上 &lt;b&gt;报价&lt;/b&gt; &amp; 条款。<br>祝好").doesNotContain("<b>");

        for (String timeline : List.of("/api/v1/contacts/" + contact.id(), "/api/v1/accounts/" + contact.accountId())) {
            JsonNode entry = emailEntry(timeline + "/timeline", messageId);
            assertThat(entry).as("e-mail on %s", timeline).isNotNull();
            assertThat(entry.path("sourceSystem").asText()).isEqualTo("smtp");
            assertThat(entry.path("title").asText()).isEqualTo("E-mail sent by sales_east1 to " + contact.email() + ": "
                    + subject);
            assertThat(entry.path("body").asText()).startsWith("李经理，您好：");
        }
    }

    @Test
    void aTemplateMailFillsSubjectTextAndHtmlAndEscapesTheValuesInHtml() throws Exception {
        Contact contact = contact("sales_east1");

        long id = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails", Map.of(
                "template", "follow-up",
                "variables", Map.of("topic", "<script>alert(1)</script>阀门", "nextStep", "寄送样品"))).expect(202).id();

        JsonNode sent = awaitStatus(contact, id, "SENT");
        assertThat(sent.path("template").asText()).isEqualTo("follow-up");
        MimeMessage mail = mailServer.withMessageId(sent.path("messageId").asText()).get(0);
        assertThat(mail.getSubject()).isEqualTo(contact.accountName() + "：关于<script>alert(1)</script>阀门的跟进");
        assertThat(TestMailServer.part(mail, "text/plain")).startsWith(contact.name() + "，您好：")
                .contains("沟通<script>alert(1)</script>阀门。").contains("下一步：寄送样品").contains("sales_east1");
        assertThat(TestMailServer.part(mail, "text/html")).contains("&lt;script&gt;alert(1)&lt;/script&gt;阀门")
                .doesNotContain("<script>");
    }

    // ---- bad input, scope ------------------------------------------------------------------------------------------

    @Test
    void badRequestsAnswer400NamingTheFieldAndStoreNothing() {
        Contact contact = contact("sales_east1");
        String path = "/api/v1/contacts/" + contact.id() + "/emails";

        as("sales_east1").post(path, Map.of("text", "no subject")).expectFieldError("subject");
        as("sales_east1").post(path, Map.of("subject", "nothing to say")).expectFieldError("text");
        as("sales_east1").post(path, Map.of("subject", "s", "text", "t", "template", "follow-up"))
                .expectFieldError("template");
        as("sales_east1").post(path, Map.of("template", "no-such-template")).expectFieldError("template");
        as("sales_east1").post(path, Map.of("template", "../../application")).expectFieldError("template");
        as("sales_east1").post(path, Map.of("subject", "s", "text", "t", "cc", List.of("not an address")))
                .expectFieldError("cc[0]");
        Map<String, Object> tooLong = new HashMap<>(Map.of("subject", "x".repeat(301), "text", "t"));
        as("sales_east1").post(path, tooLong).expectFieldError("subject");

        assertThat(as("sales_east1").get(path).expect(200).body().path("items")).isEmpty();
    }

    @Test
    void aContactWithoutAnAddressAnswers409() {
        Contact contact = contact("sales_east1", null);

        JsonNode problem = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                Map.of("subject", "s", "text", "t")).expect(409).body();
        assertThat(problem.path("detail").asText()).contains("no e-mail address");
    }

    @Test
    void aContactOutOfScopeIs404AndAnOperatorMaySeeButNotSend() {
        Contact contact = contact("sales_east1");
        String path = "/api/v1/contacts/" + contact.id() + "/emails";

        as("sales_west").post(path, Map.of("subject", "s", "text", "t")).expect(404);
        as("mgr_west").post(path, Map.of("subject", "s", "text", "t")).expect(404);
        as("operator").post(path, Map.of("subject", "s", "text", "t")).expect(403);
        long id = as("mgr_east").post(path, Map.of("subject", "from the manager", "text", "t")).expect(202).id();
        as("sales_west").get(path + "/" + id).expect(404);
        as("operator").get(path + "/" + id).expect(200);
    }

    // ---- failures --------------------------------------------------------------------------------------------------

    @Test
    void aServerOutageIsRetriedAndTheMailSentOnce() {
        Contact contact = contact("sales_east1");
        mailServer.stop();

        JsonNode accepted = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                Map.of("subject", unique("outage"), "text", "sent after the outage")).expect(202).body();
        JsonNode failed = awaitStatus(contact, accepted.path("id").asLong(), "FAILED");
        assertThat(failed.path("lastError").asText()).contains("unreachable");

        mailServer.start();
        JsonNode sent = awaitStatus(contact, accepted.path("id").asLong(), "SENT");
        assertThat(sent.path("attempts").asInt()).isGreaterThan(1);
        settle();
        assertThat(mailServer.withMessageId(accepted.path("messageId").asText())).hasSize(1);
        assertThat(deadLetters("mail-outbound", accepted.path("id").asLong())).isEmpty();
    }

    @Test
    void anUnknownMailboxIsDeadLetteredAtOnceWithTheServersReplyAndAReplayAfterwardsSendsIt() {
        Contact contact = contact("sales_east1");
        mailServer.refuseRecipientsWith("550 5.1.1 <" + contact.email() + ">: Recipient address rejected: User unknown");

        JsonNode accepted = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                Map.of("subject", unique("bounce"), "text", "to nobody")).expect(202).body();
        long id = accepted.path("id").asLong();
        JsonNode dead = awaitStatus(contact, id, "DEAD_LETTERED");
        assertThat(dead.path("lastError").asText()).contains("550 5.1.1").contains("User unknown");
        assertThat(dead.path("attempts").asInt()).isEqualTo(1);

        List<JsonNode> letters = deadLetters("mail-outbound", id);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(letters.get(0).path("reason").asText()).contains("550 5.1.1 <" + contact.email() + ">");
        assertThat(emailEntry("/api/v1/contacts/" + contact.id() + "/timeline", accepted.path("messageId").asText()))
                .as("nothing archived that was not sent").isNull();

        // The mailbox exists after all (the operator checked): replayed, the same mail goes out.
        mailServer.restore();
        as("admin").post("/api/v1/ops/dead-letters/" + letters.get(0).path("id").asText() + "/replay", null)
                .expect(200);
        awaitStatus(contact, id, "SENT");
        assertThat(mailServer.withMessageId(accepted.path("messageId").asText())).hasSize(1);
    }

    @Test
    void mailsBeyondTheServersRateAreDeferredNotFailedAndGoOutSpacedApart() {
        Contact contact = contact("sales_east1");
        double deferredBefore = deferred();

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                    Map.of("subject", unique("burst " + i), "text", "t")).expect(202).id());
        }
        List<Instant> sentAt = new ArrayList<>();
        for (long id : ids) {
            JsonNode sent = awaitStatus(contact, id, "SENT");
            assertThat(sent.path("attempts").asInt()).as("a deferral is not an attempt").isEqualTo(1);
            sentAt.add(Instant.parse(sent.path("sentAt").asText()));
        }
        sentAt.sort(null);
        // 5 a second: one permit per 250 ms cycle; two may fall either side of a cycle boundary, so four mails span at
        // least two whole cycles (less the jitter of recording each after its send).
        assertThat(Duration.between(sentAt.get(0), sentAt.get(3))).isGreaterThan(Duration.ofMillis(400));
        assertThat(deferred()).isGreaterThan(deferredBefore);
        ids.forEach(id -> assertThat(deadLetters("mail-outbound", id)).isEmpty());
    }

    @Test
    void aMailAlreadySentIsNotSentAgainWhenItsEventComesAgain() {
        Contact contact = contact("sales_east1");
        JsonNode accepted = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                Map.of("subject", unique("once"), "text", "t")).expect(202).body();
        long id = accepted.path("id").asLong();
        awaitStatus(contact, id, "SENT");

        // The same event again, as a relay re-sending after a crash or a replay would bring it.
        String envelope = jdbc.queryForObject("select payload from outbox_event where event_type = "
                + "'OutboundEmailQueued' and business_key = ?", String.class, "email:" + id);
        JmsTemplate topics = new JmsTemplate(jms.getConnectionFactory());
        topics.setPubSubDomain(true);
        topics.convertAndSend("crm.events", envelope, m -> {
            m.setStringProperty("hubType", "OutboundEmailQueued");
            m.setStringProperty("hubBusinessKey", "email:" + id);
            return m;
        });
        // One consumer, in order: once a later mail is out, the repeat has been handled.
        long later = as("sales_east1").post("/api/v1/contacts/" + contact.id() + "/emails",
                Map.of("subject", unique("later"), "text", "t")).expect(202).id();
        awaitStatus(contact, later, "SENT");

        assertThat(mailServer.withMessageId(accepted.path("messageId").asText())).hasSize(1);
        assertThat(as("sales_east1").get("/api/v1/contacts/" + contact.id() + "/emails/" + id).expect(200).body()
                .path("attempts").asInt()).isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Contact(long id, long accountId, String accountName, String name, String email) {
    }

    private Contact contact(String owner) {
        return contact(owner, unique("li.lei").toLowerCase() + "@customer.example");
    }

    private Contact contact(String owner, String email) {
        String accountName = unique("宁波阀门");
        long account = as(owner).post("/api/v1/accounts", Map.of("type", "COMPANY", "name", accountName,
                "creditCode", TestData.creditCode(), "province", "浙江", "city", "宁波")).expect(201).id();
        String name = unique("李雷");
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (email != null) {
            body.put("email", email);
        }
        long contact = as(owner).post("/api/v1/accounts/" + account + "/contacts", body).expect(201).id();
        return new Contact(contact, account, accountName, name, email);
    }

    private JsonNode awaitStatus(Contact contact, long emailId, String status) {
        String path = "/api/v1/contacts/" + contact.id() + "/emails/" + emailId;
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(as("sales_east1").get(path).expect(200).text("status")));
        return as("sales_east1").get(path).expect(200).body();
    }

    private JsonNode emailEntry(String timelinePath, String messageId) {
        for (JsonNode entry : as("sales_east1").get(timelinePath).expect(200).body().path("items")) {
            if ("EMAIL".equals(entry.path("kind").asText()) && messageId.equals(entry.path("externalId").asText())) {
                return entry;
            }
        }
        return null;
    }

    private List<JsonNode> deadLetters(String flow, long emailId) {
        List<JsonNode> letters = new ArrayList<>();
        for (JsonNode l : as("operator").get("/api/v1/ops/dead-letters?flow=" + flow).expect(200).body()) {
            if (("email:" + emailId).equals(l.path("businessKey").asText())) {
                letters.add(l);
            }
        }
        return letters;
    }

    private double deferred() {
        return meters.find("hub.mail.outbound.deferred").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Time for a second send to show up, were there one. */
    private static void settle() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
