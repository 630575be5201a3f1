package com.crmhub.invoiceflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.account.TestData;
import com.crmhub.connectors.erp.simulator.ErpSimulator;
import com.crmhub.connectors.finance.simulator.ApiCall;
import com.crmhub.connectors.finance.simulator.FinanceSimulator;
import com.crmhub.connectors.finance.simulator.SimulatedInvoice;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * Shipped orders to finance invoices and back, through the real broker and real HTTP against the finance simulator:
 * the whole chain to PAID on the deal's timeline, mixed tax rates, retries, an expired token, a 429 with Retry-After,
 * a 422 parked and replayed after correction, redelivered shipments — always exactly one invoice per shipment.
 */
abstract class InvoiceFlowScenarios extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);

    @Autowired
    ErpSimulator erp;

    @Autowired
    FinanceSimulator finance;

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("financeCircuitBreaker")
    CircuitBreaker breaker;

    @AfterEach
    void financeBackToNormal() {
        finance.latency(Duration.ZERO);
        finance.down(false);
        finance.injectUnavailable(0);
        finance.injectTooManyRequests(0, 0);
        await().atMost(FLOW).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED
                || breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
    }

    /** A product the ERP holds plenty of, at this net price and tax rate. */
    private String product(String price, String taxRate) {
        String sku = unique("PUMP");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Pump " + sku, "unit", "pcs",
                "listPrice", new BigDecimal(price), "taxRate", new BigDecimal(taxRate))).expect(201);
        erp.setStock(sku, 1_000);
        return sku;
    }

    private long account() {
        return as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Hangzhou Pumps"),
                "creditCode", TestData.creditCode(), "province", "Zhejiang", "city", "Hangzhou")).expect(201).id();
    }

    /** Wins a deal for these lines (sku, quantity), ships its order in the ERP and returns the shipped order. */
    private JsonNode shippedOrder(long account, Object[]... lines) {
        List<Map<String, Object>> dealLines = new ArrayList<>();
        for (Object[] line : lines) {
            dealLines.add(Map.of("sku", line[0], "quantity", line[1]));
        }
        long deal = as("sales_east1").post("/api/v1/deals", Map.of("accountId", account, "name", unique("Pumps"),
                "lines", dealLines)).expect(201).id();
        as("sales_east1").post("/api/v1/deals/" + deal + "/win", null).expect(200);
        JsonNode reserved = awaitOrder(deal, "RESERVED");
        assertThat(erp.shipNow(reserved.path("erpOrderNo").asText())).isPresent();
        return awaitOrder(deal, "SHIPPED");
    }

    private JsonNode shippedOrder(Object[]... lines) {
        return shippedOrder(account(), lines);
    }

    private static Object[] line(String sku, int quantity) {
        return new Object[] {sku, quantity};
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

    /** The order's (only) invoice once it has reached {@code status} in the CRM. */
    private JsonNode awaitInvoice(JsonNode order, String status) {
        long deal = order.path("dealId").asLong();
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode invoices = order(deal).path("invoices");
            return invoices.size() == 1 && status.equals(invoices.get(0).path("status").asText())
                    && (!"REQUESTED".equals(status) || invoices.get(0).hasNonNull("financeInvoiceId"));
        });
        return order(deal).path("invoices").get(0);
    }

    private SimulatedInvoice awaitFinanceInvoice(String externalRef) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(100))
                .until(() -> finance.invoiceFor(externalRef).isPresent());
        return finance.invoiceFor(externalRef).orElseThrow();
    }

    /** Every invoice the finance system holds for this order: the one-invoice-per-order guarantee, checked there. */
    private List<SimulatedInvoice> financeInvoicesOf(String externalRef) {
        return finance.invoices().stream().filter(i -> i.externalRef().startsWith(externalRef)).toList();
    }

    private List<ApiCall> invoicePostsFor(String key) {
        return finance.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/api/v1/invoices")
                        && key.equals(c.idempotencyKey()))
                .toList();
    }

    private String dealTimeline(long dealId) {
        List<String> lines = new ArrayList<>();
        as("sales_east1").get("/api/v1/deals/" + dealId + "/timeline?size=100").expect(200).body().path("items")
                .forEach(e -> lines.add(e.path("title").asText() + " | " + e.path("body").asText()));
        return String.join("\n", lines);
    }

    @Test
    void aShippedOrderIsInvoicedIssuedAndPaidAndTheDealsTimelineShowsEachStep() {
        String sku = product("250.00", "0.13");
        long account = account();
        JsonNode order = shippedOrder(account, line(sku, 4));
        String ref = order.path("externalRef").asText();
        long deal = order.path("dealId").asLong();

        SimulatedInvoice requested = awaitFinanceInvoice(ref);
        JsonNode crmInvoice = awaitInvoice(order, "REQUESTED");
        assertThat(crmInvoice.path("financeInvoiceId").asText()).isEqualTo(requested.invoiceId());
        assertThat(requested.grossAmount()).isEqualByComparingTo("1130.00");

        finance.issueNow(requested.invoiceId());
        JsonNode issued = awaitInvoice(order, "ISSUED");
        String number = issued.path("invoiceNumber").asText();
        assertThat(number).isNotBlank();
        assertThat(awaitOrder(deal, "INVOICED").path("invoices").get(0).path("outstandingAmount").decimalValue())
                .isEqualByComparingTo("1130.00");

        finance.payNow(requested.invoiceId());
        JsonNode paid = awaitOrder(deal, "PAID");
        assertThat(paid.path("invoices").get(0).path("paidAmount").decimalValue()).isEqualByComparingTo("1130.00");
        assertThat(paid.path("invoices").get(0).path("payments")).hasSize(1);
        assertThat(paid.path("history").findValuesAsText("to"))
                .containsExactly("PENDING_ERP", "RESERVED", "SHIPPED", "INVOICED", "PAID");

        JsonNode receivables = as("sales_east1").get("/api/v1/accounts/" + account + "/receivables").expect(200)
                .body().path("currencies").get(0);
        assertThat(receivables.path("invoiced").decimalValue()).isEqualByComparingTo("1130.00");
        assertThat(receivables.path("paid").decimalValue()).isEqualByComparingTo("1130.00");
        assertThat(receivables.path("outstanding").decimalValue()).isEqualByComparingTo("0");

        assertThat(dealTimeline(deal))
                .contains(order.path("erpOrderNo").asText())
                .contains(order.path("trackingNo").asText())
                .contains("Invoice requested for " + ref)
                .contains("Invoice " + number + " issued: 1130.00 CNY")
                .contains("Payment of 1130.00 CNY on invoice " + number + ": paid in full");
        assertThat(financeInvoicesOf(ref)).hasSize(1);
    }

    @Test
    void aMultiLineOrderWithMixedTaxRatesIsTaxedPerLineAndItsTotalsAddUp() {
        // 3 × 33.33 = 99.99 at 13 % = 12.9987 → 13.00; 7 × 19.99 = 139.93 at 6 % = 8.3958 → 8.40; 2 × 10.00 at 0 %.
        JsonNode order = shippedOrder(line(product("33.33", "0.13"), 3), line(product("19.99", "0.06"), 7),
                line(product("10.00", "0"), 2));

        SimulatedInvoice atFinance = awaitFinanceInvoice(order.path("externalRef").asText());
        JsonNode crm = awaitInvoice(order, "REQUESTED");

        assertThat(atFinance.netAmount()).isEqualByComparingTo("259.92");
        assertThat(atFinance.taxAmount()).isEqualByComparingTo("21.40");
        assertThat(atFinance.grossAmount()).isEqualByComparingTo("281.32");
        assertThat(crm.path("netAmount").decimalValue()).isEqualByComparingTo("259.92");
        assertThat(crm.path("taxAmount").decimalValue()).isEqualByComparingTo("21.40");
        assertThat(crm.path("grossAmount").decimalValue()).isEqualByComparingTo("281.32");
    }

    @Test
    void transientFailuresAreRetriedAndTheOrderIsInvoicedOnce() {
        String sku = product("99.00", "0.13");
        finance.injectUnavailable(2);
        JsonNode order = shippedOrder(line(sku, 1));
        String ref = order.path("externalRef").asText();

        awaitInvoice(order, "REQUESTED");

        assertThat(finance.unavailableCallsLeft()).as("503s finance still had to give").isZero();
        assertThat(financeInvoicesOf(ref)).hasSize(1);
        assertThat(invoicePostsFor(ref)).extracting(ApiCall::status).endsWith(202);
    }

    @Test
    void anInvoiceFinanceCreatedWhileTheHubStoppedWaitingIsNotCreatedTwice() {
        String sku = product("75.00", "0.13");
        awaitInvoice(shippedOrder(line(sku, 2)), "REQUESTED"); // the hub holds a token: only the invoice call is slow
        // Finance takes longer than the hub's read timeout (3 s in tests): it creates the invoice, the hub never hears.
        finance.latency(Duration.ofMillis(3500));
        JsonNode order = shippedOrder(line(sku, 1));
        String ref = order.path("externalRef").asText();
        await().atMost(FLOW).until(() -> !invoicePostsFor(ref).isEmpty());
        finance.latency(Duration.ZERO);

        awaitInvoice(order, "REQUESTED");

        assertThat(invoicePostsFor(ref)).extracting(ApiCall::status).startsWith(202).endsWith(200);
        assertThat(financeInvoicesOf(ref)).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheNextInvoiceGoesThrough() {
        String sku = product("120.00", "0.09");
        awaitInvoice(shippedOrder(line(sku, 1)), "REQUESTED");

        finance.expireTokens();
        JsonNode second = shippedOrder(line(sku, 2));
        String ref = second.path("externalRef").asText();
        awaitInvoice(second, "REQUESTED");

        assertThat(invoicePostsFor(ref)).extracting(ApiCall::status).containsExactly(401, 202);
        assertThat(financeInvoicesOf(ref)).hasSize(1);
    }

    @Test
    void aRateLimitedRequestIsNotSentAgainBeforeRetryAfter() {
        String sku = product("80.00", "0.13");
        finance.injectTooManyRequests(1, 2);
        JsonNode order = shippedOrder(line(sku, 1));
        String ref = order.path("externalRef").asText();

        awaitInvoice(order, "REQUESTED");

        List<ApiCall> posts = invoicePostsFor(ref);
        assertThat(posts).extracting(ApiCall::status).containsExactly(429, 202);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
                .as("wait between the 429 and the next call").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(financeInvoicesOf(ref)).hasSize(1);
        assertThat(deadLetterOf(ref)).as("a 429 is not a failure").isNull();
    }

    @Test
    void aRefusedInvoiceIsParkedOnceVisibleOnTheDealAndInvoicedAfterACorrectedReplay() {
        // Finance accepts the Chinese VAT rates only: 7 % is refused (422) whatever the hub does.
        String sku = product("100.00", "0.07");
        JsonNode order = shippedOrder(line(sku, 2));
        String ref = order.path("externalRef").asText();
        long deal = order.path("dealId").asLong();

        JsonNode rejected = awaitInvoice(order, "REJECTED");
        assertThat(rejected.path("rejectReason").asText()).contains("taxRate");
        await().atMost(FLOW).until(() -> deadLetterOf(ref) != null);
        JsonNode letter = deadLetterOf(ref);
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.path("reason").asText()).contains("finance refused invoice " + ref).contains("taxRate");
        assertThat(invoicePostsFor(ref)).extracting(ApiCall::status).containsExactly(422);
        assertThat(dealTimeline(deal)).contains("Finance refused invoice " + ref);
        assertThat(financeInvoicesOf(ref)).isEmpty();

        String id = letter.path("id").asText();
        ObjectNode payload = (ObjectNode) as("operator").get("/api/v1/ops/dead-letters/" + id).expect(200).body()
                .path("body").path("payload").deepCopy();
        ((ObjectNode) payload.path("lines").get(0)).put("taxRate", new BigDecimal("0.13"));
        as("operator").post("/api/v1/ops/dead-letters/" + id + "/replay", Map.of("payload", payload)).expect(200);

        JsonNode corrected = awaitInvoice(order, "REQUESTED");
        assertThat(corrected.path("grossAmount").decimalValue()).isEqualByComparingTo("226.00");
        assertThat(financeInvoicesOf(ref)).singleElement()
                .satisfies(i -> assertThat(i.taxAmount()).isEqualByComparingTo("26.00"));
        assertThat(deadLetterOf(ref)).isNull();
    }

    @Test
    void anInvoiceFinanceRejectsLaterIsShownAndAnOperatorRequestsItAgainWithTheFixedBuyer() {
        String sku = product("60.00", "0.13");
        String creditCode = TestData.creditCode();
        Map<String, Object> buyer = new LinkedHashMap<>(Map.of("type", "COMPANY", "name", unique("Wrong Name Co"),
                "creditCode", creditCode, "province", "Zhejiang", "city", "Hangzhou"));
        long account = as("sales_east1").post("/api/v1/accounts", buyer).expect(201).id();
        JsonNode order = shippedOrder(account, line(sku, 1));
        String ref = order.path("externalRef").asText();
        long deal = order.path("dealId").asLong();
        SimulatedInvoice first = awaitFinanceInvoice(ref);
        awaitInvoice(order, "REQUESTED");

        // The tax bureau refuses the invoice after finance accepted it: the buyer's name does not match its records.
        finance.rejectNow(first.invoiceId(), "buyer name does not match the tax bureau's record of " + creditCode);
        JsonNode rejected = awaitInvoice(order, "REJECTED");
        assertThat(rejected.path("rejectReason").asText()).contains("does not match");
        assertThat(dealTimeline(deal)).contains("Finance refused invoice " + ref);
        assertThat(as("operator").get("/api/v1/ops/invoices?status=REJECTED").expect(200).body()
                .findValuesAsText("invoiceKey")).contains(ref);

        buyer.put("name", unique("Right Name Co"));
        as("sales_east1").put("/api/v1/accounts/" + account, buyer).expect(200);
        as("sales_east1").post("/api/v1/ops/invoices/" + ref + "/reissue", null).expect(403);
        JsonNode again = as("operator").post("/api/v1/ops/invoices/" + ref + "/reissue", null).expect(202).body();
        assertThat(again.path("invoiceKey").asText()).isEqualTo(ref + "-R1");
        as("operator").post("/api/v1/ops/invoices/" + ref + "/reissue", null).expect(409);

        SimulatedInvoice second = awaitFinanceInvoice(ref + "-R1");
        assertThat(second.buyerName()).isEqualTo(buyer.get("name"));
        assertThat(second.grossAmount()).isEqualByComparingTo(first.grossAmount());
        finance.issueNow(second.invoiceId());
        finance.payNow(second.invoiceId());
        JsonNode paid = awaitOrder(deal, "PAID");
        assertThat(paid.path("invoices").findValuesAsText("status")).containsExactly("REJECTED", "PAID");
        assertThat(dealTimeline(deal)).contains("Invoice " + ref + " requested again as " + ref + "-R1");
    }

    @Test
    void aShipmentDeliveredAgainCreatesNoSecondInvoice() {
        String sku = product("42.00", "0.13");
        JsonNode order = shippedOrder(line(sku, 1));
        String ref = order.path("externalRef").asText();
        awaitInvoice(order, "REQUESTED");
        String envelope = shippedEnvelope(ref);

        // The same OrderShipped again, as a broker redelivery after a crash or an operator's replay would bring it.
        JmsTemplate topics = new JmsTemplate(jms.getConnectionFactory());
        topics.setPubSubDomain(true);
        topics.convertAndSend("crm.events", envelope, m -> {
            m.setStringProperty("hubType", "OrderShipped");
            m.setStringProperty("hubBusinessKey", "order:" + ref);
            return m;
        });

        await().atMost(FLOW).until(() -> invoicePostsFor(ref).size() == 2);
        assertThat(invoicePostsFor(ref)).extracting(ApiCall::status).containsExactly(202, 200);
        assertThat(financeInvoicesOf(ref)).hasSize(1);
        assertThat(order(order.path("dealId").asLong()).path("invoices")).hasSize(1);
    }

    @Test
    void anOutageOpensTheBreakerStopsCallsAndEveryShipmentIsInvoicedOnceAfterRecovery() throws Exception {
        String sku = product("15.00", "0.13");
        finance.down(true);
        List<JsonNode> orders = List.of(shippedOrder(line(sku, 1)), shippedOrder(line(sku, 2)),
                shippedOrder(line(sku, 3)));

        await().atMost(FLOW).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        Thread.sleep(200); // a call that passed the breaker just before it opened may still be answering
        int callsWhenOpened = finance.calls().size();
        Thread.sleep(1000); // shorter than the breaker's open time (2 s in tests)
        assertThat(finance.calls().size()).as("finance calls while the breaker is open").isEqualTo(callsWhenOpened);

        finance.down(false);

        for (JsonNode order : orders) {
            awaitInvoice(order, "REQUESTED");
            assertThat(financeInvoicesOf(order.path("externalRef").asText())).hasSize(1);
        }
    }

    @Test
    void aDuplicatedPaymentWebhookIsAppliedOnce() {
        String sku = product("50.00", "0.13");
        JsonNode order = shippedOrder(line(sku, 2));
        String ref = order.path("externalRef").asText();
        SimulatedInvoice invoice = awaitFinanceInvoice(ref);
        awaitInvoice(order, "REQUESTED");
        finance.issueNow(invoice.invoiceId());
        awaitInvoice(order, "ISSUED");

        finance.payNow(invoice.invoiceId(), new BigDecimal("50.00"));
        await().atMost(FLOW).until(() -> awaitInvoice(order, "ISSUED").path("payments").size() == 1);
        String paymentEvent = finance.events().stream().filter(e -> e.type().equals("PAYMENT_RECEIVED")
                && e.invoiceId().equals(invoice.invoiceId())).findFirst().orElseThrow().eventId();
        assertThat(finance.redeliver(paymentEvent)).isTrue();
        await().atMost(FLOW).until(() -> finance.events().stream()
                .filter(e -> e.eventId().equals(paymentEvent)).allMatch(e -> e.attempts() >= 2 && e.delivered()));

        JsonNode after = awaitInvoice(order, "ISSUED");
        assertThat(after.path("paidAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(after.path("outstandingAmount").decimalValue()).isEqualByComparingTo("63.00");
        assertThat(after.path("payments")).hasSize(1);
    }

    @Test
    void webhooksWithABadSignatureAStaleTimestampOrAMalformedBodyAreRefusedWithoutEffect() {
        String sku = product("30.00", "0.13");
        JsonNode order = shippedOrder(line(sku, 1));
        SimulatedInvoice invoice = awaitFinanceInvoice(order.path("externalRef").asText());
        awaitInvoice(order, "REQUESTED");
        String issued = event("INVOICE_ISSUED", invoice, "ISSUED", "26440000000000000001");
        String now = Long.toString(Instant.now().getEpochSecond());

        ApiResponse forged = webhook(now, finance.sign(now, issued).replace("sha256=", "sha256=00"), issued);
        forged.expect(401);
        assertThat(forged.body().path("detail").asText()).doesNotContain(invoice.invoiceId());
        webhook(now, "sha256=" + "0".repeat(64), issued).expect(401);
        String stale = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());
        webhook(stale, finance.sign(stale, issued), issued).expect(401);
        webhook(null, null, issued).expect(401);
        String malformed = "{\"eventId\":\"EVT-broken\",\"type\":";
        webhook(now, finance.sign(now, malformed), malformed).expectFieldError("body");
        String noInvoice = "{\"eventId\":\"EVT-" + unique("x") + "\",\"type\":\"INVOICE_ISSUED\","
                + "\"occurredAt\":\"2026-11-23T08:00:00Z\"}";
        webhook(now, finance.sign(now, noInvoice), noInvoice).expectFieldError("invoice");

        assertThat(awaitInvoice(order, "REQUESTED").path("invoiceNumber").isMissingNode()
                || awaitInvoice(order, "REQUESTED").path("invoiceNumber").isNull()).isTrue();
        assertThat(order(order.path("dealId").asLong()).path("status").asText()).isEqualTo("SHIPPED");

        webhook(now, finance.sign(now, issued), issued).expect(204);
        assertThat(awaitInvoice(order, "ISSUED").path("invoiceNumber").asText()).isEqualTo("26440000000000000001");
    }

    @Test
    void aWebhookForAnInvoiceTheCrmDoesNotKnowIsAcknowledgedWithoutEffect() {
        SimulatedInvoice stranger = new SimulatedInvoice("INV-" + unique("unknown"), unique("ORD"), "k",
                SimulatedInvoice.Status.ISSUED, "26440000000000000999", "CNY", "Nobody", new BigDecimal("1.00"),
                new BigDecimal("0.13"), new BigDecimal("1.13"), BigDecimal.ZERO, null, Instant.now());
        String body = event("INVOICE_ISSUED", stranger, "ISSUED", "26440000000000000999");
        String now = Long.toString(Instant.now().getEpochSecond());

        webhook(now, finance.sign(now, body), body).expect(204);
        webhook(now, finance.sign(now, body), body).expect(204);

        assertThat(jdbc.queryForList("select status from finance_event where invoice_id = ?", String.class,
                stranger.invoiceId())).as("stored once, for operators").containsExactly("PARKED");
        assertThat(jdbc.queryForObject("select count(*) from customer_invoice where finance_invoice_id = ? "
                + "or invoice_number = ?", Integer.class, stranger.invoiceId(), stranger.invoiceNumber())).isZero();
    }

    private ApiResponse webhook(String timestamp, String signature, String body) {
        var client = anonymous();
        if (timestamp != null) {
            client = client.header("X-Finance-Timestamp", timestamp);
        }
        if (signature != null) {
            client = client.header("X-Finance-Signature", signature);
        }
        return client.postRaw("/callbacks/finance", body);
    }

    /** A contract InvoiceEvent for this invoice, as the finance system would send it. */
    private String event(String type, SimulatedInvoice invoice, String status, String number) {
        Map<String, Object> json = new LinkedHashMap<>(invoice.toJson());
        json.put("status", status);
        json.put("invoiceNumber", number);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "EVT-" + unique("test"));
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("invoice", json);
        try {
            return objectMapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OrderShipped envelope the outbox published for this order, exactly as it went to the broker. */
    private String shippedEnvelope(String ref) {
        return jdbc.queryForObject("select payload from outbox_event where event_type = 'OrderShipped' "
                + "and business_key = ?", String.class, "order:" + ref);
    }

    private JsonNode deadLetterOf(String orderRef) {
        for (JsonNode l : as("operator").get("/api/v1/ops/dead-letters?flow=order-to-finance").expect(200).body()) {
            if (l.path("businessKey").asText().endsWith(orderRef)) {
                return l;
            }
        }
        return null;
    }
}
