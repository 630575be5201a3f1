package com.crmhub.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.conversation.ArchiveOutcome;
import com.crmhub.crm.conversation.ChatSyncCursors;
import com.crmhub.crm.conversation.ContactAddedOutcome;
import com.crmhub.crm.conversation.ConversationService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Chats archived on customer records: matched by channel identity, or kept in the unmatched inbox until an operator
 * links the conversation (which moves all of it) or turns it into a lead.
 */
abstract class ConversationScenarios extends ApiTestSupport {

    private static final String INBOX = "/api/v1/conversations/unmatched?size=200";

    @Autowired
    ConversationService conversations;

    @Autowired
    ChatSyncCursors cursors;

    private long account() {
        return as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Chat Co")))
                .expect(201).id();
    }

    private long contact(long accountId) {
        return as("sales_east1").post("/api/v1/accounts/" + accountId + "/contacts", Map.of("name", "Li Lei"))
                .expect(201).id();
    }

    private static ChatMessage kf(String customer, String messageId, String text, Instant at) {
        return new ChatMessage(messageId, ChatChannel.WECOM_KF, ChatDirection.INBOUND, "wkKf01:" + customer, null, "crm",
                new ChatParticipant(customer, null, ChatParticipant.Kind.CUSTOMER), at, "text", text);
    }

    private static ChatMessage group(String conversationId, String sender, ChatParticipant.Kind kind, String messageId,
                                     String text) {
        return new ChatMessage(messageId, ChatChannel.DINGTALK, ChatDirection.INBOUND, conversationId, "Customer group",
                null, new ChatParticipant(sender, "Nick " + sender, kind), Instant.now(), "text", text);
    }

    private ArchiveOutcome archive(ChatMessage message) {
        return SystemActor.callAs("integration:test", () -> conversations.archive(message));
    }

    private List<JsonNode> timeline(String type, long id) {
        JsonNode items = as("sales_east1").get("/api/v1/" + type + "/" + id + "/timeline?size=200").expect(200).body()
                .path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(e -> e.path("kind").asText().equals("CHAT_MESSAGE"))
                .toList();
    }

    private JsonNode inboxEntry(String conversationId) {
        JsonNode items = as("operator").get(INBOX).expect(200).body().path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(c -> c.path("conversationId").asText().equals(conversationId)).findFirst().orElse(null);
    }

    @Test
    void anUnmatchedChatWaitsInTheInboxAndLinkingMovesTheWholeConversation() {
        String customer = unique("wmCustomer");
        Instant first = Instant.parse("2026-11-20T08:00:00Z");
        assertThat(archive(kf(customer, unique("m"), "你好，请问有现货吗？", first))).isEqualTo(ArchiveOutcome.UNMATCHED);
        assertThat(archive(kf(customer, unique("m"), "需要 200 台", first.plusSeconds(60))))
                .isEqualTo(ArchiveOutcome.UNMATCHED);

        JsonNode waiting = inboxEntry("wkKf01:" + customer);
        assertThat(waiting).isNotNull();
        assertThat(waiting.path("messageCount").asLong()).isEqualTo(2);
        assertThat(waiting.path("channel").asText()).isEqualTo("WECOM_KF");
        assertThat(waiting.path("firstSenderId").asText()).isEqualTo(customer);
        long conversationId = waiting.path("id").asLong();
        assertThat(as("operator").get("/api/v1/conversations/" + conversationId + "/messages").expect(200).body()
                .findValuesAsText("text")).containsExactly("你好，请问有现货吗？", "需要 200 台");

        long accountId = account();
        long contactId = contact(accountId);
        ApiResponse linked = as("operator").post("/api/v1/conversations/" + conversationId + "/link",
                Map.of("accountId", accountId, "contactId", contactId)).expect(200);
        assertThat(linked.text("status")).isEqualTo("LINKED");
        assertThat(linked.text("linkedBy")).isEqualTo("inbox:operator");
        assertThat(inboxEntry("wkKf01:" + customer)).isNull();

        List<JsonNode> onContact = timeline("contacts", contactId);
        assertThat(onContact).extracting(e -> e.path("body").asText()).containsExactly("需要 200 台", "你好，请问有现货吗？");
        assertThat(onContact.get(1).path("title").asText()).isEqualTo("WeChat customer service message from " + customer);
        assertThat(onContact.get(1).path("sourceSystem").asText()).isEqualTo("wecom-kf");
        assertThat(onContact.get(1).path("occurredAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(timeline("accounts", accountId)).hasSize(2);

        // The customer is known now: their next message, even in a new thread, goes straight to the contact.
        ChatMessage later = new ChatMessage(unique("m"), ChatChannel.WECOM, ChatDirection.INBOUND, "crm:" + customer,
                null, "crm", new ChatParticipant(customer, "王先生", ChatParticipant.Kind.CUSTOMER), Instant.now(), "text",
                "报价收到了");
        assertThat(archive(later)).isEqualTo(ArchiveOutcome.ARCHIVED);
        assertThat(timeline("contacts", contactId)).first().satisfies(e -> {
            assertThat(e.path("body").asText()).isEqualTo("报价收到了");
            assertThat(e.path("title").asText()).isEqualTo("WeCom message from 王先生 (" + customer + ")");
            assertThat(e.path("externalId").asText()).isEqualTo(later.messageId());
        });
        assertThat(inboxEntry("crm:" + customer)).isNull();
    }

    @Test
    void aRepeatedMessageIsArchivedOnce() {
        long accountId = account();
        long contactId = contact(accountId);
        String customer = unique("wmRepeat");
        SystemActor.runAs("integration:test", () -> conversations.contactAdded(new ChannelContactAdded(unique("evt"),
                IdentityChannel.WECOM, customer, "ZhangWei", "contact-" + contactId, Instant.now())));
        ChatMessage message = kf(customer, unique("m"), "同一条消息", Instant.now());
        assertThat(archive(message)).isEqualTo(ArchiveOutcome.ARCHIVED);
        assertThat(archive(message)).isEqualTo(ArchiveOutcome.DUPLICATE);
        assertThat(timeline("contacts", contactId)).hasSize(1);
    }

    @Test
    void aCustomerAddedThroughTheHubsContactLinkIsLinkedToThatContact() {
        long accountId = account();
        long contactId = contact(accountId);
        String customer = unique("wmLinked");
        ChannelContactAdded added = new ChannelContactAdded(unique("evt"), IdentityChannel.WECOM, customer, "ZhangWei",
                "contact-" + contactId, Instant.now());
        assertThat(SystemActor.callAs("integration:test", () -> conversations.contactAdded(added)))
                .isEqualTo(ContactAddedOutcome.LINKED);
        assertThat(SystemActor.callAs("integration:test", () -> conversations.contactAdded(added)))
                .isEqualTo(ContactAddedOutcome.DUPLICATE);

        assertThat(archive(kf(customer, unique("m"), "我是通过二维码加的", Instant.now())))
                .isEqualTo(ArchiveOutcome.ARCHIVED);
        assertThat(timeline("contacts", contactId)).extracting(e -> e.path("body").asText())
                .containsExactly("我是通过二维码加的");
        List<String> systemTitles = as("sales_east1").get("/api/v1/contacts/" + contactId + "/timeline").expect(200)
                .body().path("items").findValuesAsText("title");
        assertThat(systemTitles).contains("WeCom contact added by member ZhangWei");
    }

    @Test
    void aNewCustomerAddedByAMemberBecomesTheirLeadAndTakesTheirWaitingChatAlong() {
        String customer = unique("wmNew");
        archive(kf(customer, unique("m"), "在吗", Instant.now().minusSeconds(30)));
        ChannelContactAdded added = new ChannelContactAdded(unique("evt"), IdentityChannel.WECOM, customer, "zhangwei",
                null, Instant.now());
        assertThat(SystemActor.callAs("integration:test", () -> conversations.contactAdded(added)))
                .isEqualTo(ContactAddedOutcome.LEAD_CREATED);

        JsonNode lead = StreamSupport.stream(as("sales_east1").get("/api/v1/leads?size=200").expect(200).body()
                .path("items").spliterator(), false)
                .filter(l -> l.path("name").asText().equals("WeCom customer " + customer)).findFirst().orElseThrow();
        assertThat(lead.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(lead.path("source").asText()).isEqualTo("WECOM");
        assertThat(lead.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(timeline("leads", lead.path("id").asLong())).extracting(e -> e.path("body").asText())
                .containsExactly("在吗");
        assertThat(inboxEntry("wkKf01:" + customer)).isNull();
    }

    @Test
    void anOperatorTurnsAnUnmatchedChatIntoALead() {
        String customer = unique("wmProspect");
        archive(kf(customer, unique("m"), "想了解一下你们的产品", Instant.now()));
        long conversationId = inboxEntry("wkKf01:" + customer).path("id").asLong();

        ApiResponse lead = as("operator").post("/api/v1/conversations/" + conversationId + "/lead",
                Map.of("name", "陈女士", "companyName", unique("Prospect Co"))).expect(201);
        assertThat(lead.text("source")).isEqualTo("WECOM");
        assertThat(lead.text("status")).isEqualTo("IN_POOL");
        assertThat(timeline("leads", lead.id())).extracting(e -> e.path("body").asText())
                .containsExactly("想了解一下你们的产品");
        as("operator").post("/api/v1/conversations/" + conversationId + "/lead", Map.of("name", "again")).expect(409);
    }

    @Test
    void aGroupChatLinkedToAnAccountPutsAKnownContactsMessagesOnTheirOwnTimeline() {
        long accountId = account();
        long contactId = contact(accountId);
        String chat = unique("cid");
        String customerSender = unique("dt-customer");
        archive(group(chat, unique("dt-staff"), ChatParticipant.Kind.MEMBER, unique("dm"), "欢迎加入服务群"));
        long conversationId = inboxEntry(chat).path("id").asLong();
        as("operator").post("/api/v1/conversations/" + conversationId + "/link", Map.of("accountId", accountId))
                .expect(200);
        assertThat(timeline("accounts", accountId)).extracting(e -> e.path("title").asText())
                .singleElement().asString().startsWith("DingTalk message from Nick dt-staff").endsWith("in Customer group");

        SystemActor.runAs("integration:test", () -> conversations.contactAdded(new ChannelContactAdded(unique("evt"),
                IdentityChannel.DINGTALK, customerSender, "staff", "contact-" + contactId, Instant.now())));
        archive(group(chat, customerSender, ChatParticipant.Kind.CUSTOMER, unique("dm"), "发票已收到"));
        assertThat(timeline("contacts", contactId)).extracting(e -> e.path("body").asText()).containsExactly("发票已收到");
        assertThat(timeline("accounts", accountId)).hasSize(2);
    }

    @Test
    void linkingAnswersBadInputWithTheFieldAndOnlyOperatorsManagersAndAdminsSeeTheInbox() {
        String customer = unique("wmBad");
        archive(kf(customer, unique("m"), "hello", Instant.now()));
        long conversationId = inboxEntry("wkKf01:" + customer).path("id").asLong();
        long accountId = account();
        long otherContact = contact(account());

        as("operator").post("/api/v1/conversations/" + conversationId + "/link", Map.of("accountId", 999_999_999))
                .expect(400).expectFieldError("accountId");
        as("operator").post("/api/v1/conversations/" + conversationId + "/link",
                Map.of("accountId", accountId, "contactId", otherContact)).expect(400).expectFieldError("contactId");
        as("operator").post("/api/v1/conversations/" + conversationId + "/link", Map.of()).expect(400)
                .expectFieldError("accountId");
        as("sales_east1").get(INBOX).expect(403);
        as("mgr_east").get(INBOX).expect(200);
        assertThat(inboxEntry("wkKf01:" + customer).path("status").asText()).isEqualTo("UNMATCHED");

        as("operator").post("/api/v1/conversations/" + conversationId + "/link", Map.of("accountId", accountId))
                .expect(200);
        as("operator").post("/api/v1/conversations/" + conversationId + "/link", Map.of("accountId", accountId))
                .expect(409);
        as("operator").get("/api/v1/conversations/987654321").expect(404);
    }

    @Test
    void theCustomerServiceCursorMovesWithThePageItFollows() {
        String kfAccount = unique("wk");
        assertThat(cursors.cursor("crm", kfAccount)).isEmpty();
        String customer = unique("wmPage");
        ChatMessage one = kf(customer, unique("m"), "one", Instant.now());
        ChatMessage two = kf(customer, unique("m"), "two", Instant.now());
        assertThat(SystemActor.callAs("integration:test", () -> cursors.archivePage("crm", kfAccount, List.of(one, two),
                "cursor-1"))).containsExactly(ArchiveOutcome.UNMATCHED, ArchiveOutcome.UNMATCHED);
        assertThat(cursors.cursor("crm", kfAccount)).contains("cursor-1");
        assertThat(SystemActor.callAs("integration:test", () -> cursors.archivePage("crm", kfAccount, List.of(two),
                "cursor-2"))).containsExactly(ArchiveOutcome.DUPLICATE);
        assertThat(cursors.cursor("crm", kfAccount)).contains("cursor-2");
        assertThat(inboxEntry("wkKf01:" + customer).path("messageCount").asLong()).isEqualTo(2);
    }
}
