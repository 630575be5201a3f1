package com.crmhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.account.TestData;
import com.crmhub.connectors.messaging.simulator.ApiCall;
import com.crmhub.connectors.messaging.simulator.MessagingSimulator;
import com.crmhub.connectors.messaging.simulator.SimulatedApi;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customers' and members' messages from the messaging simulator, encrypted over real HTTP, through the inbound flows to
 * the CRM: on the linked account's timeline, or in the unmatched inbox; customer-service messages pulled page by page;
 * WeCom's errcodes during kf/sync_msg retried, backed off or parked.
 */
abstract class MessagingInboundScenarios extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);

    @Autowired
    MessagingSimulator simulator;

    @AfterEach
    void simulatorBackToNormal() {
        simulator.kfPageSize(1000);
    }

    private JsonNode unmatched(String conversationId) {
        for (JsonNode conversation : as("operator").get("/api/v1/conversations/unmatched?size=200").expect(200).body()
                .path("items")) {
            if (conversationId.equals(conversation.path("conversationId").asText())) {
                return conversation;
            }
        }
        return null;
    }

    private JsonNode awaitUnmatched(String conversationId, long messages) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode conversation = unmatched(conversationId);
            return conversation != null && conversation.path("messageCount").asLong() >= messages;
        });
        JsonNode conversation = unmatched(conversationId);
        assertThat(conversation.path("messageCount").asLong()).as("messages in %s", conversationId).isEqualTo(messages);
        return conversation;
    }

    private List<ApiCall> syncCalls(int since) {
        List<ApiCall> calls = simulator.apiCalls();
        return calls.subList(Math.min(since, calls.size()), calls.size()).stream()
                .filter(c -> c.api() == SimulatedApi.WECOM_KF_SYNC_MSG).toList();
    }

    private List<String> timelineBodies(long accountId) {
        return as("sales_east1").get("/api/v1/accounts/" + accountId + "/timeline?size=100").expect(200).body()
                .path("items").findValuesAsText("body");
    }

    @Test
    void anEncryptedCustomerMessageEndsOnTheLinkedAccountsTimeline() {
        long account = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name",
                unique("Hangzhou Pumps"), "creditCode", TestData.creditCode(), "province", "Zhejiang", "city",
                "Hangzhou")).expect(201).id();
        long contact = as("sales_east1").post("/api/v1/accounts/" + account + "/contacts", Map.of("name", "王芳"))
                .expect(201).id();
        String customer = unique("wmCUSTOMER");
        String text = unique("请问阀门的交货期");

        // The member adds the customer through the contact's own "contact me" link: the identity is linked.
        simulator.addExternalContact("crm", "zhangsan", customer, "contact-" + contact);
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> timelineBodies(account).stream()
                .anyMatch(body -> body.contains(customer)));
        // The customer writes to customer service; the hub pulls the message and archives it on the account.
        simulator.queueKfMessage("crm", "wkSALES", customer, text);

        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> timelineBodies(account).contains(text));
        assertThat(unmatched("wkSALES:" + customer)).isNull();
    }

    @Test
    void customersWritingTheMomentTheyAreAddedAreMatchedEveryTime() {
        long account = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name",
                unique("Ningbo Valves"))).expect(201).id();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long contact = as("sales_east1").post("/api/v1/accounts/" + account + "/contacts", Map.of("name", "客户" + i))
                    .expect(201).id();
            String customer = unique("wmEAGER");
            String text = unique("刚加上就问价格");
            texts.add(text);
            // Back to back, as WeCom delivers them when a customer scans the code and writes at once.
            simulator.addExternalContact("crm", "zhangsan", customer, "contact-" + contact);
            simulator.queueKfMessage("crm", "wkEAGER", customer, text);
        }

        await().atMost(FLOW).pollInterval(Duration.ofMillis(200))
                .until(() -> timelineBodies(account).containsAll(texts));
        for (JsonNode conversation : as("operator").get("/api/v1/conversations/unmatched?size=200").expect(200).body()
                .path("items")) {
            assertThat(conversation.path("conversationId").asText()).doesNotStartWith("wkEAGER:");
        }
    }

    @Test
    void aMessageFromSomeoneUnknownWaitsInTheUnmatchedInbox() {
        String customer = unique("wmSTRANGER");

        simulator.queueKfMessage("crm", "wkSALES", customer, "有人吗");

        JsonNode conversation = awaitUnmatched("wkSALES:" + customer, 1);
        assertThat(conversation.path("channel").asText()).isEqualTo("WECOM_KF");
        assertThat(conversation.path("firstSenderId").asText()).isEqualTo(customer);
    }

    @Test
    void aMembersTextToTheAppIsArchived() {
        String member = unique("lisi");

        simulator.sendCustomerText("crm", member, "客户要求下周二送货");

        JsonNode conversation = awaitUnmatched("crm:" + member, 1);
        assertThat(conversation.path("channel").asText()).isEqualTo("WECOM");
        assertThat(conversation.path("app").asText()).isEqualTo("crm");
    }

    @Test
    void aDingtalkGroupMessageIsArchivedByItsChatWithTheChatsTitle() {
        String chat = unique("cidGROUP");

        simulator.robotMessage(chat, "杭州示例泵业 服务群", "王芳", null, "@机器人 报价单收到了吗");

        JsonNode conversation = awaitUnmatched(chat, 1);
        assertThat(conversation.path("channel").asText()).isEqualTo("DINGTALK");
        assertThat(conversation.path("title").asText()).isEqualTo("杭州示例泵业 服务群");
    }

    @Test
    void customerServicePullsEveryPageWhileWecomHasMore() {
        String customer = unique("wmPAGES");
        String account = unique("wkPAGES");
        simulator.kfPageSize(2);
        int since = simulator.apiCalls().size();

        simulator.queueKfMessages("crm", account, customer, List.of("1", "2", "3", "4", "5"));

        awaitUnmatched(account + ":" + customer, 5);
        assertThat(syncCalls(since)).hasSize(3).allMatch(c -> c.errcode() == 0);
    }

    @Test
    void wecomBusyDuringSyncIsRetriedByTheBroker() {
        String customer = unique("wmBUSY");
        int since = simulator.apiCalls().size();
        simulator.injectErrcode(SimulatedApi.WECOM_KF_SYNC_MSG, -1, 2);

        simulator.queueKfMessages("crm", "wkSALES", customer, List.of("a", "b"));

        awaitUnmatched("wkSALES:" + customer, 2);
        assertThat(syncCalls(since)).extracting(ApiCall::errcode).startsWith(-1, -1).endsWith(0);
    }

    @Test
    void wecomsFrequencyLimitDefersThePullWithoutLosingIt() {
        String customer = unique("wmLIMIT");
        int since = simulator.apiCalls().size();
        simulator.injectErrcode(SimulatedApi.WECOM_KF_SYNC_MSG, 45009, 1);

        simulator.queueKfMessage("crm", "wkSALES", customer, "限流之后");

        awaitUnmatched("wkSALES:" + customer, 1);
        List<ApiCall> calls = syncCalls(since);
        assertThat(calls).extracting(ApiCall::errcode).containsExactly(45009, 0);
        // Deferred by hub.messaging.inbound.kf-back-off (300ms in tests), not retried at once.
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(250));
    }

    @Test
    void aPermanentErrcodeParksTheNoticeWithItAndTheNextNoticePullsWhatWasLeft() {
        String customer = unique("wmDENIED");
        simulator.injectErrcode(SimulatedApi.WECOM_KF_SYNC_MSG, 48002, 1);

        simulator.queueKfMessage("crm", "wkSALES", customer, "first");

        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> deadLetters().stream()
                .anyMatch(d -> d.path("reason").asText().contains("48002")));
        assertThat(unmatched("wkSALES:" + customer)).isNull();
        // The cursor did not move: the next notice pulls the parked notice's message as well.
        simulator.queueKfMessage("crm", "wkSALES", customer, "second");
        awaitUnmatched("wkSALES:" + customer, 2);
    }

    private List<JsonNode> deadLetters() {
        JsonNode letters = as("operator").get("/api/v1/ops/dead-letters?flow=wecom-inbound").expect(200).body();
        return java.util.stream.StreamSupport.stream(letters.spliterator(), false).toList();
    }
}
