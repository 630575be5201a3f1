package com.crmhub.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.account.TestData;
import com.crmhub.connectors.erp.simulator.ErpSimulator;
import com.crmhub.connectors.finance.simulator.FinanceSimulator;
import com.crmhub.connectors.finance.simulator.SimulatedInvoice;
import com.crmhub.connectors.messaging.simulator.ApiCall;
import com.crmhub.connectors.messaging.simulator.MessagingSimulator;
import com.crmhub.connectors.messaging.simulator.SentMessage;
import com.crmhub.connectors.messaging.simulator.SimulatedApi;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import com.crmhub.support.TestMailServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Notifications over the real broker and real HTTP against the messaging simulator (WeCom and DingTalk on this hub's
 * port): who is told what for each event, token expiry, each errcode class, parking with the errcode, and that
 * neither a failing notification nor a repeated event disturbs the deal flow or sends anything twice. Users (see
 * application-notifications-test.yml): sales_east1 is WeCom ZhangSan / 13800138001, sales_east2 has neither.
 */
@HubIntegrationTest
@ActiveProfiles({"test", "notifications-test"})
class NotificationIntegrationTests extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final String OWNER_USERID = "ZhangSan";
    private static final String OWNER_MOBILE = "13800138001";
    private static final String OWNER_EMAIL = "zhang.san@hub.test";

    @Autowired
    MessagingSimulator messaging;

    @Autowired
    ErpSimulator erp;

    @Autowired
    FinanceSimulator finance;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestMailServer mailServer;

    @AfterEach
    void noErrcodesLeftOver() {
        for (SimulatedApi api : SimulatedApi.values()) {
            await().atMost(FLOW).until(() -> messaging.pendingErrcodes(api) == 0);
        }
    }

    // ---- who is told what ------------------------------------------------------------------------------------------

    @Test
    void aWonDealSendsTheOwnerAWecomMessageAndAtsTheOwnerInTheSalesChat() {
        Deal deal = wonDeal(stockedProduct(), 4);

        SentMessage wecom = awaitOne(SentMessage.Channel.WECOM, deal.name());
        assertThat(wecom.target()).isEqualTo("crm");
        assertThat(wecom.recipients()).containsExactly(OWNER_USERID);
        assertThat(wecom.content()).isEqualTo("【赢单】" + deal.name() + "（" + deal.accountName() + "）1000.00 CNY，负责人："
                + "sales_east1");

        SentMessage dingtalk = awaitOne(SentMessage.Channel.DINGTALK, deal.name());
        assertThat(dingtalk.target()).isEqualTo("sales");
        assertThat(dingtalk.recipients()).containsExactly(OWNER_MOBILE);
        assertThat(dingtalk.content()).isEqualTo(wecom.content() + " @" + OWNER_MOBILE);
    }

    @Test
    void aClaimedLeadTellsItsNewOwnerAndAnOwnerWithoutAWecomUseridIsSkippedAndCounted() {
        String claimedName = unique("Web Visitor");
        long claimed = poolLead(claimedName);
        as("sales_east1").post("/api/v1/leads/" + claimed + "/claim", null).expect(200);

        SentMessage told = awaitOne(SentMessage.Channel.WECOM, claimedName);
        assertThat(told.recipients()).containsExactly(OWNER_USERID);
        assertThat(told.content()).startsWith("【线索认领】" + claimedName).endsWith("负责人：sales_east1");

        double skippedBefore = skipped("lead-assigned");
        String assignedName = unique("Trade Fair Visitor");
        long assigned = poolLead(assignedName);
        as("mgr_east").post("/api/v1/leads/" + assigned + "/assign", Map.of("owner", "sales_east2")).expect(200);

        await().atMost(FLOW).until(() -> skipped("lead-assigned") > skippedBefore);
        assertThat(sent(SentMessage.Channel.WECOM, assignedName)).isEmpty();
    }

    @Test
    void aBackorderedOrderTellsTheOwnerAndTheSalesChatWithTheConfiguredText() {
        String sku = unique("SENSOR");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Sensor " + sku, "unit", "pcs",
                "listPrice", new BigDecimal("250.00"), "taxRate", new BigDecimal("0.13"))).expect(201);
        erp.setStock(sku, 0);
        Deal deal = wonDeal(sku, 3);
        JsonNode order = awaitOrder(deal.id(), "BACKORDERED");
        String orderRef = order.path("externalRef").asText();
        String text = "缺货 " + orderRef + ": " + sku + " × 3（已预留 0） (sales_east1)";

        assertThat(awaitOne(SentMessage.Channel.WECOM, "缺货 " + orderRef).content()).isEqualTo(text);
        SentMessage chat = awaitOne(SentMessage.Channel.DINGTALK, "缺货 " + orderRef);
        assertThat(chat.content()).as("a team channel @s nobody").isEqualTo(text);
        assertThat(chat.recipients()).isEmpty();
    }

    @Test
    void anIssuedInvoiceTellsTheDealsOwnerFoundThroughTheCrm() {
        Deal deal = wonDeal(stockedProduct(), 2);
        JsonNode order = shipped(deal);
        String ref = order.path("externalRef").asText();
        await().atMost(FLOW).until(() -> finance.invoiceFor(ref).isPresent());
        SimulatedInvoice issued = finance.issueNow(finance.invoiceFor(ref).orElseThrow().invoiceId()).orElseThrow();

        SentMessage told = awaitOne(SentMessage.Channel.WECOM, "订单 " + ref);
        assertThat(told.recipients()).containsExactly(OWNER_USERID);
        assertThat(told.content()).isEqualTo("【已开票】订单 " + ref + " 的发票 " + issued.invoiceNumber()
                + " 已开具：565.00 CNY，负责人：sales_east1");
    }

    @Test
    void aRejectedInvoiceAtsTheOwnerInTheSalesChatAndTellsTheFinanceTeamOnWecom() {
        // Finance accepts the Chinese VAT rates only: 7 % is refused (422), which the CRM records as rejected.
        String sku = unique("VALVE");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Valve " + sku, "unit", "pcs",
                "listPrice", new BigDecimal("100.00"), "taxRate", new BigDecimal("0.07"))).expect(201);
        erp.setStock(sku, 100);
        String ref = shipped(wonDeal(sku, 1)).path("externalRef").asText();

        SentMessage chat = awaitOne(SentMessage.Channel.DINGTALK, "订单 " + ref);
        assertThat(chat.content()).startsWith("【开票被拒】订单 " + ref).contains("taxRate")
                .endsWith("负责人：sales_east1 @" + OWNER_MOBILE);
        SentMessage team = awaitOne(SentMessage.Channel.WECOM, "订单 " + ref);
        assertThat(team.recipients()).containsExactly("FinanceLead", OWNER_USERID);
        assertThat(team.content()).isEqualTo(chat.content().substring(0, chat.content().lastIndexOf(" @")));
    }

    @Test
    void aWonDealMailsTheOwnerAndTheSalesTeamsMailboxOnceEvenWhenTheEventComesAgain() throws Exception {
        Deal deal = wonDeal(stockedProduct(), 4);

        MimeMessage owner = awaitOneMail(OWNER_EMAIL, deal.name());
        assertThat(owner.getSubject()).isEqualTo("【赢单】" + deal.name() + "（" + deal.accountName() + "）");
        assertThat(owner.getFrom()[0].toString()).contains("crm@hub.test");
        assertThat(TestMailServer.part(owner, "text/plain")).startsWith("sales_east1，您好：")
                .contains("商机「" + deal.name() + "」已赢单。").contains("金额：1000.00 CNY");
        assertThat(TestMailServer.part(owner, "text/html")).contains("<td>1000.00 CNY</td>")
                .contains("<strong>" + deal.name() + "</strong>");
        MimeMessage team = awaitOneMail("sales-team@hub.test", deal.name());
        assertThat(team.getMessageID()).as("one mail per address").isNotEqualTo(owner.getMessageID());

        String envelope = jdbc.queryForObject("select payload from outbox_event where event_type = 'DealWon' "
                + "and business_key = ?", String.class, "deal:" + deal.id());
        // Only to the notifications' subscription (its fully qualified name): this test is about mail, not orders.
        JmsTemplate topics = new JmsTemplate(jms.getConnectionFactory());
        topics.setPubSubDomain(true);
        topics.convertAndSend("crm.events::crm.events.notifications", envelope, m -> {
            m.setStringProperty("hubType", "DealWon");
            m.setStringProperty("hubBusinessKey", "deal:" + deal.id());
            return m;
        });
        Deal later = wonDeal(stockedProduct(), 1);
        awaitOneMail(OWNER_EMAIL, later.name());
        awaitOneMail("sales-team@hub.test", later.name());

        assertThat(mails(OWNER_EMAIL, deal.name())).hasSize(1);
        assertThat(mails("sales-team@hub.test", deal.name())).hasSize(1);
        assertThat(deadLetters("email-notifications", deal)).isEmpty();
    }

    // ---- tokens, errcodes, redelivery ------------------------------------------------------------------------------

    @Test
    void anExpiredTokenIsRenewedAndTheMessageDeliveredOnce() {
        Instant mark = Instant.now();
        messaging.expireTokens();
        Deal deal = wonDeal(stockedProduct(), 4);

        awaitOne(SentMessage.Channel.WECOM, deal.name());
        assertThat(calls(SimulatedApi.WECOM_MESSAGE_SEND, mark)).containsSubsequence(42001, 0);
        assertThat(calls(SimulatedApi.WECOM_GETTOKEN, mark)).contains(0);
        settle();
        assertThat(sent(SentMessage.Channel.WECOM, deal.name())).hasSize(1);
    }

    @Test
    void aBusyWecomIsRetriedByTheBrokerAndTheMessageDeliveredOnce() {
        Instant mark = Instant.now();
        messaging.injectErrcode(SimulatedApi.WECOM_MESSAGE_SEND, -1, 2);
        Deal deal = wonDeal(stockedProduct(), 4);

        awaitOne(SentMessage.Channel.WECOM, deal.name());
        assertThat(calls(SimulatedApi.WECOM_MESSAGE_SEND, mark)).containsSubsequence(-1, -1, 0);
        settle();
        assertThat(sent(SentMessage.Channel.WECOM, deal.name())).hasSize(1);
        assertThat(deadLetters("wecom-notifications", deal)).isEmpty();
    }

    @Test
    void aWecomFrequencyLimitBacksOffBeforeTheMessageGoesOnce() {
        Instant mark = Instant.now();
        messaging.injectErrcode(SimulatedApi.WECOM_MESSAGE_SEND, 45009, 1);
        Deal deal = wonDeal(stockedProduct(), 4);

        SentMessage wecom = awaitOne(SentMessage.Channel.WECOM, deal.name());
        Instant limited = callsAt(SimulatedApi.WECOM_MESSAGE_SEND, mark, 45009);
        assertThat(Duration.between(limited, wecom.at())).as("the configured back-off (500ms)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        settle();
        assertThat(sent(SentMessage.Channel.WECOM, deal.name())).hasSize(1);
        assertThat(deadLetters("wecom-notifications", deal)).isEmpty();
    }

    @Test
    void aDingtalkSendTooFastBacksOffBeforeTheMessageGoesOnce() {
        Instant mark = Instant.now();
        messaging.injectErrcode(SimulatedApi.DINGTALK_ROBOT_SEND, 130101, 1);
        Deal deal = wonDeal(stockedProduct(), 4);

        SentMessage chat = awaitOne(SentMessage.Channel.DINGTALK, deal.name());
        Instant limited = callsAt(SimulatedApi.DINGTALK_ROBOT_SEND, mark, 130101);
        assertThat(Duration.between(limited, chat.at())).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        settle();
        assertThat(sent(SentMessage.Channel.DINGTALK, deal.name())).hasSize(1);
        assertThat(deadLetters("dingtalk-notifications", deal)).isEmpty();
    }

    @Test
    void aWecomRefusalIsParkedAtOnceWithItsErrcodeAndTheDealFlowCarriesOn() {
        Instant mark = Instant.now();
        messaging.injectErrcode(SimulatedApi.WECOM_MESSAGE_SEND, 48002, 1);
        Deal deal = wonDeal(stockedProduct(), 4);

        await().atMost(FLOW).until(() -> !deadLetters("wecom-notifications", deal).isEmpty());
        JsonNode letter = deadLetters("wecom-notifications", deal).get(0);
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.path("reason").asText()).contains("errcode 48002");
        assertThat(calls(SimulatedApi.WECOM_MESSAGE_SEND, mark)).containsOnlyOnce(48002);

        assertThat(awaitOrder(deal.id(), "RESERVED").path("erpOrderNo").asText()).isNotBlank();
        assertThat(awaitOne(SentMessage.Channel.DINGTALK, deal.name()).recipients()).containsExactly(OWNER_MOBILE);
        assertThat(sent(SentMessage.Channel.WECOM, deal.name())).isEmpty();
        assertThat(deadLetters("deal-won-to-order", deal)).isEmpty();
    }

    @Test
    void aDingtalkRefusalIsParkedAtOnceWithItsErrcodeAndTheDealFlowCarriesOn() {
        messaging.injectErrcode(SimulatedApi.DINGTALK_ROBOT_SEND, 310000, 1);
        Deal deal = wonDeal(stockedProduct(), 4);

        await().atMost(FLOW).until(() -> !deadLetters("dingtalk-notifications", deal).isEmpty());
        JsonNode letter = deadLetters("dingtalk-notifications", deal).get(0);
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.path("reason").asText()).contains("errcode 310000");

        awaitOrder(deal.id(), "RESERVED");
        awaitOne(SentMessage.Channel.WECOM, deal.name());
        assertThat(sent(SentMessage.Channel.DINGTALK, deal.name())).isEmpty();
    }

    @Test
    void aDealWonPublishedAgainNotifiesNobodyTwice() {
        Deal deal = wonDeal(stockedProduct(), 4);
        awaitOne(SentMessage.Channel.WECOM, deal.name());
        awaitOne(SentMessage.Channel.DINGTALK, deal.name());

        // The same DealWon again, as a relay re-sending after a crash or an operator's replay would bring it.
        String envelope = jdbc.queryForObject("select payload from outbox_event where event_type = 'DealWon' "
                + "and business_key = ?", String.class, "deal:" + deal.id());
        JmsTemplate topics = new JmsTemplate(jms.getConnectionFactory());
        topics.setPubSubDomain(true);
        topics.convertAndSend("crm.events", envelope, m -> {
            m.setStringProperty("hubType", "DealWon");
            m.setStringProperty("hubBusinessKey", "deal:" + deal.id());
            return m;
        });
        // One consumer per queue, in order: once a later deal's notifications are out, the repeat has been handled.
        Deal later = wonDeal(stockedProduct(), 1);
        awaitOne(SentMessage.Channel.WECOM, later.name());
        awaitOne(SentMessage.Channel.DINGTALK, later.name());

        assertThat(sent(SentMessage.Channel.WECOM, deal.name())).hasSize(1);
        assertThat(sent(SentMessage.Channel.DINGTALK, deal.name())).hasSize(1);
        assertThat(deadLetters("crm-event-notifications", deal)).isEmpty();
        assertThat(deadLetters("wecom-notifications", deal)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Deal(long id, String name, String accountName) {
    }

    private String stockedProduct() {
        String sku = unique("PUMP");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Pump " + sku, "unit", "pcs",
                "listPrice", new BigDecimal("250.00"), "taxRate", new BigDecimal("0.13"))).expect(201);
        erp.setStock(sku, 1_000);
        return sku;
    }

    /** A deal of sales_east1 for {@code quantity} of {@code sku}, won. */
    private Deal wonDeal(String sku, int quantity) {
        String accountName = unique("杭州泵业");
        long account = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", accountName,
                "creditCode", TestData.creditCode(), "province", "浙江", "city", "杭州")).expect(201).id();
        String name = unique("阀门采购");
        long deal = as("sales_east1").post("/api/v1/deals", Map.of("accountId", account, "name", name,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)))).expect(201).id();
        as("sales_east1").post("/api/v1/deals/" + deal + "/win", null).expect(200);
        return new Deal(deal, name, accountName);
    }

    private long poolLead(String name) {
        return as("integration").post("/api/v1/leads", Map.of("name", name, "companyName", unique("宁波阀门"),
                "source", "WEB_FORM")).expect(201).id();
    }

    private JsonNode shipped(Deal deal) {
        JsonNode reserved = awaitOrder(deal.id(), "RESERVED");
        assertThat(erp.shipNow(reserved.path("erpOrderNo").asText())).isPresent();
        return awaitOrder(deal.id(), "SHIPPED");
    }

    private JsonNode order(long dealId) {
        JsonNode items = as("sales_east1").get("/api/v1/orders?dealId=" + dealId).expect(200).body().path("items");
        return items.isEmpty() ? null : as("sales_east1").get("/api/v1/orders/" + items.get(0).path("id").asLong())
                .expect(200).body();
    }

    private JsonNode awaitOrder(long dealId, String status) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode order = order(dealId);
            return order != null && status.equals(order.path("status").asText());
        });
        return order(dealId);
    }

    private List<SentMessage> sent(SentMessage.Channel channel, String containing) {
        return messaging.sentMessages().stream()
                .filter(m -> m.channel() == channel && m.content().contains(containing)).toList();
    }

    private SentMessage awaitOne(SentMessage.Channel channel, String containing) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100)).until(() -> !sent(channel, containing).isEmpty());
        assertThat(sent(channel, containing)).hasSize(1);
        return sent(channel, containing).get(0);
    }

    private List<MimeMessage> mails(String address, String subjectContaining) {
        return mailServer.to(address).stream().filter(m -> {
            try {
                return m.getSubject().contains(subjectContaining);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private MimeMessage awaitOneMail(String address, String subjectContaining) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100))
                .until(() -> !mails(address, subjectContaining).isEmpty());
        assertThat(mails(address, subjectContaining)).hasSize(1);
        return mails(address, subjectContaining).get(0);
    }

    /** The errcodes {@code api} answered since {@code since}, in order. */
    private List<Integer> calls(SimulatedApi api, Instant since) {
        return messaging.apiCalls().stream().filter(c -> c.api() == api && !c.at().isBefore(since))
                .map(ApiCall::errcode).toList();
    }

    private Instant callsAt(SimulatedApi api, Instant since, int errcode) {
        return messaging.apiCalls().stream()
                .filter(c -> c.api() == api && !c.at().isBefore(since) && c.errcode() == errcode)
                .map(ApiCall::at).findFirst().orElseThrow();
    }

    private List<JsonNode> deadLetters(String flow, Deal deal) {
        List<JsonNode> letters = new java.util.ArrayList<>();
        for (JsonNode l : as("operator").get("/api/v1/ops/dead-letters?flow=" + flow).expect(200).body()) {
            if (("deal:" + deal.id()).equals(l.path("businessKey").asText())) {
                letters.add(l);
            }
        }
        return letters;
    }

    private double skipped(String event) {
        return meters.find("hub.notifications.skipped").tag("event", event).counters().stream()
                .mapToDouble(c -> c.count()).sum();
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
