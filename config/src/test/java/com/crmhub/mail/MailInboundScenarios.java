package com.crmhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.mail.simulator.MailSimulator;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers' mail sent over SMTP to the mail simulator (GreenMail), read by the hub's {@code crm} mailbox over IMAP
 * (application-test.yml: every 300 ms, attachments kept up to 1 KB, noreply@test.local is the hub's own) and archived:
 * on the timelines of the contacts with the sender's address, or in the conversations inbox; stored once whatever
 * happens between reading and marking read; malformed mail parked; machines' mail kept off the timelines.
 */
abstract class MailInboundScenarios extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final String MAILBOX = "crm@test.local";
    private static final String INBOX = "/api/v1/conversations/unmatched?size=200";

    @Autowired
    MailSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    private static String messageId() {
        return UUID.randomUUID() + "@customer.example";
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }

    private static byte[] mail(String messageId, String from, String subject, String headers, String contentType,
                               String body) {
        return ("Message-ID: <" + messageId + ">\r\n"
                + "Date: Mon, 17 Nov 2025 09:30:00 +0800\r\n"
                + "From: " + from + "\r\n"
                + "To: CRM <" + MAILBOX + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + headers
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] text(String messageId, String from, String subject, String body) {
        return mail(messageId, from, subject, "", "text/plain; charset=UTF-8", body);
    }

    private long account(String name) {
        return as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique(name)))
                .expect(201).id();
    }

    private long contact(long accountId, String name, String email) {
        return as("sales_east1").post("/api/v1/accounts/" + accountId + "/contacts", Map.of("name", name, "email",
                email)).expect(201).id();
    }

    private List<JsonNode> emails(String type, long id) {
        JsonNode items = as("sales_east1").get("/api/v1/" + type + "/" + id + "/timeline?size=200").expect(200).body()
                .path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(e -> e.path("kind").asText().equals("EMAIL"))
                .toList();
    }

    private void awaitEmails(String type, long id, int count) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> emails(type, id).size() >= count);
        assertThat(emails(type, id)).as("EMAIL entries of %s %s", type, id).hasSize(count);
    }

    private void awaitSeen(String messageId) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100))
                .until(() -> simulator.mail(MAILBOX, messageId).map(MailSimulator.StoredMail::seen).orElse(false));
    }

    private String disposition(String messageId) {
        return jdbc.queryForObject("select disposition from email_message where message_id = ?", String.class,
                messageId);
    }

    private int stored(String messageId) {
        return jdbc.queryForObject("select count(*) from email_message where message_id = ?", Integer.class, messageId);
    }

    private JsonNode inboxEntry(String fromAddress) {
        JsonNode items = as("operator").get(INBOX).expect(200).body().path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(c -> c.path("channel").asText().equals("EMAIL")
                        && c.path("firstSenderId").asText().equals(fromAddress))
                .findFirst().orElse(null);
    }

    @Test
    void aMailFromAContactsAddressIsOnTheirTimelineAndTheirAccountsAndMarkedReadOnceStored() {
        String from = address("li.ming");
        long account = account("Hangzhou Pumps");
        long contact = contact(account, "Li Ming", from);
        long otherAccount = account("Ningbo Valves");
        long sameAddressElsewhere = contact(otherAccount, "Li Ming (Ningbo)", from.toUpperCase());
        String id = messageId();

        simulator.send(text(id, "Li Ming <" + from + ">", "Quotation for DN50 valves", "Please quote 200 valves."),
                MAILBOX);

        awaitEmails("contacts", contact, 1);
        JsonNode entry = emails("contacts", contact).get(0);
        assertThat(entry.path("title").asText())
                .isEqualTo("E-mail from Li Ming <" + from + ">: Quotation for DN50 valves");
        assertThat(entry.path("body").asText()).isEqualTo("Please quote 200 valves.");
        assertThat(entry.path("sourceSystem").asText()).isEqualTo("email");
        assertThat(entry.path("occurredAt").asText()).isEqualTo("2025-11-17T01:30:00Z");
        assertThat(emails("accounts", account)).hasSize(1);
        // Two contacts share the address: each has the mail, once, and so has each account.
        awaitEmails("contacts", sameAddressElsewhere, 1);
        assertThat(emails("accounts", otherAccount)).hasSize(1);
        awaitSeen(id);
        assertThat(disposition(id)).isEqualTo("ARCHIVED");
    }

    @Test
    void anHtmlMailReadsAsTextOnTheTimelineAndKeepsItsHtml() {
        String from = address("buyer");
        long contact = contact(account("Shanghai Trading"), "Buyer", from);
        String id = messageId();

        simulator.send(mail(id, from, "Order question", "", "text/html; charset=UTF-8",
                "<html><body><p>Can you ship <b>50 pumps</b> &amp; 20 valves</p><p>before Friday?</p>"
                        + "<script>alert('x')</script></body></html>"), MAILBOX);

        awaitEmails("contacts", contact, 1);
        assertThat(emails("contacts", contact).get(0).path("body").asText())
                .isEqualTo("Can you ship 50 pumps & 20 valves\n\nbefore Friday?");
        assertThat(jdbc.queryForObject("select html_body from email_message where message_id = ?", String.class, id))
                .contains("<b>50 pumps</b>");
    }

    @Test
    void anUnmatchedMailWaitsInTheInboxUntilLinkedAndTheSendersNextMailIsMatchedByTheLink() {
        String from = address("stranger");
        String first = messageId();

        simulator.send(text(first, "Zhao Lei <" + from + ">", "Do you sell pumps?", "Looking for 10 pumps."), MAILBOX);

        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> inboxEntry(from) != null);
        JsonNode waiting = inboxEntry(from);
        assertThat(waiting.path("firstSenderName").asText()).isEqualTo("Zhao Lei");
        assertThat(waiting.path("app").asText()).isEqualTo("crm");
        long conversation = waiting.path("id").asLong();
        JsonNode message = as("operator").get("/api/v1/conversations/" + conversation + "/messages").expect(200)
                .body().get(0);
        assertThat(message.path("subject").asText()).isEqualTo("Do you sell pumps?");
        assertThat(message.path("text").asText()).isEqualTo("Looking for 10 pumps.");
        assertThat(disposition(first)).isEqualTo("UNMATCHED");

        long account = account("Zhao Trading");
        long contact = contact(account, "Zhao Lei", "zhao.lei@elsewhere.example");
        as("operator").post("/api/v1/conversations/" + conversation + "/link",
                Map.of("accountId", account, "contactId", contact)).expect(200);

        awaitEmails("contacts", contact, 1);
        assertThat(emails("contacts", contact).get(0).path("title").asText())
                .isEqualTo("E-mail from Zhao Lei <" + from + ">: Do you sell pumps?");
        assertThat(inboxEntry(from)).isNull();

        // The link remembered the address: the next mail goes straight to the contact, not to the inbox.
        String second = messageId();
        simulator.send(text(second, from, "Re: Do you sell pumps?", "Any news?"), MAILBOX);
        awaitEmails("contacts", contact, 2);
        assertThat(emails("accounts", account)).hasSize(2);
        assertThat(inboxEntry(from)).isNull();
    }

    @Test
    void anOperatorTurnsAnUnmatchedMailIntoALeadWithTheSendersAddress() {
        String from = address("prospect");
        simulator.send(text(messageId(), from, "Interested in sensors", "Please call me."), MAILBOX);
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> inboxEntry(from) != null);

        JsonNode lead = as("operator").post("/api/v1/conversations/" + inboxEntry(from).path("id").asLong() + "/lead",
                Map.of("name", "Prospect")).expect(201).body();

        assertThat(lead.path("email").asText()).isEqualTo(from);
        assertThat(lead.path("source").asText()).isEqualTo("EMAIL");
        awaitEmails("leads", lead.path("id").asLong(), 1);
    }

    @Test
    void aMailWithADuplicateMessageIdIsStoredOnce() {
        String from = address("twice");
        long contact = contact(account("Twice Ltd"), "Twice", from);
        String id = messageId();
        byte[] mail = text(id, from, "Same mail", "Sent twice by a confused client.");

        simulator.send(mail, MAILBOX);
        simulator.send(mail, MAILBOX);

        await().atMost(FLOW).pollInterval(Duration.ofMillis(100))
                .until(() -> simulator.mails(MAILBOX, null).stream().filter(m -> id.equals(m.messageId()))
                        .allMatch(MailSimulator.StoredMail::seen));
        awaitEmails("contacts", contact, 1);
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void aMailStoredButNotMarkedReadIsReadAgainAndStaysStoredOnce() {
        String from = address("restart");
        long contact = contact(account("Restart Ltd"), "Restart", from);
        String id = messageId();
        simulator.send(text(id, from, "Before the crash", "Stored, then the hub stopped."), MAILBOX);
        awaitEmails("contacts", contact, 1);
        awaitSeen(id);

        // The hub stopped after its transaction committed but before the server had the \Seen flag.
        simulator.markUnread(MAILBOX, id);

        awaitSeen(id);
        assertThat(emails("contacts", contact)).hasSize(1);
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void aMailTheCoreFailedToStoreStaysUnreadAndIsStoredOnceTheCoreIsBack() throws Exception {
        String from = address("outage");
        long contact = contact(account("Outage Ltd"), "Outage", from);
        String id = messageId();
        jdbc.execute("alter table email_attachment rename to email_attachment_outage");
        try {
            simulator.send(mail(id, from, "During the outage", "", "multipart/mixed; boundary=\"b\"",
                    "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: text/csv\r\n"
                            + "Content-Disposition: attachment; filename=\"prices.csv\"\r\n\r\nsku,price\r\n--b--"),
                    MAILBOX);
            // Polls come and go (every 300 ms) and every one fails to store it: it is never marked read.
            await().pollDelay(Duration.ofSeconds(2)).atMost(FLOW)
                    .until(() -> simulator.mail(MAILBOX, id).isPresent());
            assertThat(simulator.mail(MAILBOX, id).orElseThrow().seen()).isFalse();
            assertThat(stored(id)).isZero();
        } finally {
            jdbc.execute("alter table email_attachment_outage rename to email_attachment");
        }

        awaitEmails("contacts", contact, 1);
        awaitSeen(id);
        assertThat(stored(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select file_name from email_attachment a join email_message m "
                + "on m.message_key = a.message_key where m.message_id = ?", String.class, id)).isEqualTo("prices.csv");
    }

    @Test
    void aMalformedMailIsParkedWithItsReasonAndMarkedRead() {
        String id = messageId();
        simulator.send(mail(id, address("broken"), "Broken", "", "multipart/mixed; boundary=\"never-used\"",
                "just text where the parts should be"), MAILBOX);

        awaitSeen(id);
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> parked(id) != null);
        JsonNode parked = parked(id);
        assertThat(parked.path("flow").asText()).isEqualTo("mail-inbound");
        assertThat(parked.path("reason").asText()).contains("malformed mail").contains("multipart");
        assertThat(parked.path("attempts").asInt()).isEqualTo(1);
        assertThat(stored(id)).isZero();
    }

    private JsonNode parked(String messageId) {
        for (JsonNode letter : as("operator").get("/api/v1/ops/dead-letters?flow=mail-inbound").expect(200).body()) {
            if (letter.path("businessKey").asText().contains(messageId)) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void anOversizedAttachmentKeepsItsNameTypeAndSizeButNotItsContents() {
        String from = address("drawings");
        long contact = contact(account("Drawings Ltd"), "Drawings", from);
        String id = messageId();
        String big = java.util.Base64.getMimeEncoder().encodeToString(new byte[3000]);
        String small = java.util.Base64.getMimeEncoder().encodeToString("tiny".getBytes(StandardCharsets.US_ASCII));
        simulator.send(mail(id, from, "Drawings", "", "multipart/mixed; boundary=\"b\"",
                "--b\r\nContent-Type: text/plain\r\n\r\nTwo files.\r\n"
                        + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: attachment; filename=\"pump.dwg\"\r\n\r\n" + big + "\r\n"
                        + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: attachment; filename=\"note.txt\"\r\n\r\n" + small + "\r\n--b--"),
                MAILBOX);

        awaitEmails("contacts", contact, 1);
        assertThat(emails("contacts", contact).get(0).path("body").asText())
                .isEqualTo("Two files.\n\nAttachments: pump.dwg (3 KB, not kept), note.txt (4 B)");
        List<Map<String, Object>> attachments = jdbc.queryForList("select a.file_name, a.content_type, a.size_bytes, "
                + "a.content_kept, a.content from email_attachment a join email_message m "
                + "on m.message_key = a.message_key where m.message_id = ? order by a.part_no", id);
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0)).containsEntry("file_name", "pump.dwg")
                .containsEntry("content_type", "application/octet-stream");
        assertThat(((Number) attachments.get(0).get("size_bytes")).longValue()).isEqualTo(3000);
        assertThat(attachments.get(0).get("content_kept")).isEqualTo(Boolean.FALSE);
        assertThat(attachments.get(0).get("content")).isNull();
        assertThat(attachments.get(1).get("content_kept")).isEqualTo(Boolean.TRUE);
        assertThat(attachments.get(1).get("content")).isEqualTo("tiny".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void autoRepliesAndMailFromTheHubsOwnAddressAreStoredButNeitherArchivedNorInTheInbox() {
        String from = address("away");
        long contact = contact(account("Away Ltd"), "Away", from);
        String outOfOffice = messageId();
        String bulk = messageId();
        String own = messageId();
        String person = messageId();

        simulator.send(mail(outOfOffice, from, "Automatic reply: your quotation", "Auto-Submitted: auto-replied\r\n",
                "text/plain", "I am out of the office."), MAILBOX);
        simulator.send(mail(bulk, from, "Newsletter", "Precedence: bulk\r\n", "text/plain", "News."), MAILBOX);
        simulator.send(text(own, "CRM Hub <noreply@test.local>", "Your daily digest", "Nothing new."), MAILBOX);
        simulator.send(text(person, from, "Back again", "I am back."), MAILBOX);

        awaitEmails("contacts", contact, 1);
        for (String id : List.of(outOfOffice, bulk, own)) {
            awaitSeen(id);
        }
        assertThat(emails("contacts", contact).get(0).path("body").asText()).isEqualTo("I am back.");
        assertThat(disposition(outOfOffice)).isEqualTo("IGNORED");
        assertThat(disposition(bulk)).isEqualTo("IGNORED");
        assertThat(disposition(own)).isEqualTo("IGNORED");
        assertThat(jdbc.queryForObject("select disposition_reason from email_message where message_id = ?",
                String.class, own)).isEqualTo("sent from the hub's own address");
        assertThat(inboxEntry("noreply@test.local")).isNull();
    }
}
