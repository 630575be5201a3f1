package com.crmhub.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.erp.simulator.ErpSimulator;
import com.crmhub.crm.audit.AuditLog;
import com.crmhub.connectors.erp.simulator.SimulatedOrder;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jms.core.JmsTemplate;

/**
 * Won deals to ERP sales orders and back, through the real broker and real SOAP against the ERP simulator: the
 * happy path to SHIPPED, transient failures, an outage that opens the breaker, a ValidationFault parked at once and
 * replayed after correction — every order reaching the ERP exactly once.
 */
abstract class OrderFlowScenarios extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(30);

    @Autowired
    ErpSimulator erp;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JmsTemplate jms;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    @Qualifier("erpCircuitBreaker")
    CircuitBreaker breaker;

    @AfterEach
    void erpBackToNormal() {
        erp.down(false);
        erp.injectUnavailable(0);
        await().atMost(FLOW).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED
                || breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
    }

    /** A catalogue product the ERP holds {@code stock} of (none: the ERP does not know it). */
    private String product(Integer stock) {
        String sku = unique("VALVE");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Ball valve DN50", "unit", "pcs",
                "listPrice", 250, "taxRate", 0.13)).expect(201);
        if (stock != null) {
            erp.setStock(sku, stock);
        }
        return sku;
    }

    private long openDeal(String sku, int quantity) {
        long account = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY",
                "name", unique("Ningbo Valves"))).expect(201).id();
        return as("sales_east1").post("/api/v1/deals", Map.of("accountId", account, "name", unique("Valves"),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)))).expect(201).id();
    }

    private long wonDeal(String sku, int quantity) {
        long deal = openDeal(sku, quantity);
        as("sales_east1").post("/api/v1/deals/" + deal + "/win", null).expect(200);
        return deal;
    }

    private JsonNode orderOf(long dealId) {
        JsonNode items = as("sales_east1").get("/api/v1/orders?dealId=" + dealId).expect(200).body().path("items");
        return items.isEmpty() ? null : as("sales_east1").get("/api/v1/orders/" + items.get(0).path("id").asLong())
                .expect(200).body();
    }

    private JsonNode awaitStatus(long dealId, String status) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode order = orderOf(dealId);
            return order != null && status.equals(order.path("status").asText());
        });
        return orderOf(dealId);
    }

    private List<SimulatedOrder> erpOrdersFor(String externalRef) {
        return erp.orders().stream().filter(o -> o.externalRef().equals(externalRef)).toList();
    }

    private static List<String> timeline(ApiResponse page) {
        List<String> lines = new ArrayList<>();
        page.body().path("items").forEach(e -> lines.add(e.path("title").asText() + " " + e.path("body").asText()));
        return lines;
    }

    @Test
    void aWonDealIsReservedThenShippedAndTheDealsTimelineShowsBoth() {
        String sku = product(10);
        long deal = wonDeal(sku, 4);

        JsonNode reserved = awaitStatus(deal, "RESERVED");
        String erpOrderNo = reserved.path("erpOrderNo").asText();
        assertThat(erpOrderNo).isNotBlank();
        assertThat(reserved.path("lines").get(0).path("reservedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(erpOrdersFor(reserved.path("externalRef").asText())).hasSize(1);
        assertThat(erp.stock(sku).orElseThrow().available()).isEqualByComparingTo("6");

        assertThat(erp.shipNow(erpOrderNo)).isPresent();
        JsonNode shipped = awaitStatus(deal, "SHIPPED");
        String tracking = shipped.path("trackingNo").asText();
        assertThat(tracking).isNotBlank();
        assertThat(shipped.path("history").findValuesAsText("to")).containsExactly("PENDING_ERP", "RESERVED", "SHIPPED");
        List<String> dealTimeline = timeline(as("sales_east1").get("/api/v1/deals/" + deal + "/timeline").expect(200));
        assertThat(String.join("\n", dealTimeline)).contains(erpOrderNo).contains(tracking);
        assertThat(erpOrdersFor(reserved.path("externalRef").asText())).hasSize(1);
    }

    @Test
    void stockDecidesTheReservation() {
        String scarce = product(3);
        assertThat(awaitStatus(wonDeal(scarce, 5), "PARTIALLY_RESERVED").path("lines").get(0)
                .path("reservedQuantity").decimalValue()).isEqualByComparingTo("3");
        String none = product(0);
        awaitStatus(wonDeal(none, 2), "BACKORDERED");
    }

    @Test
    void transientFailuresAreRetriedUntilTheErpTakesTheOrderOnce() {
        String sku = product(10);
        erp.injectUnavailable(2);
        long deal = wonDeal(sku, 1);

        JsonNode order = awaitStatus(deal, "RESERVED");

        assertThat(erp.unavailableCallsLeft()).as("503s the ERP still had to give").isZero();
        assertThat(order.path("erpAttempts").asInt()).as("calls the hub made").isEqualTo(3);
        assertThat(erpOrdersFor(order.path("externalRef").asText())).hasSize(1);
    }

    @Test
    void anOutageOpensTheBreakerStopsCallsAndEveryOrderArrivesOnceAfterRecovery() throws Exception {
        String sku = product(100);
        erp.down(true);
        List<Long> deals = List.of(wonDeal(sku, 1), wonDeal(sku, 1), wonDeal(sku, 1));

        await().atMost(FLOW).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        // A call that failed just as the breaker opened may still be recording its attempt: count once it has.
        Thread.sleep(300);
        int callsWhenOpened = callsMade(deals);
        Thread.sleep(1000); // with the 300 ms, shorter than the breaker's open time (2 s in tests)
        assertThat(callsMade(deals)).as("ERP calls while the breaker is open").isEqualTo(callsWhenOpened);
        deals.forEach(deal -> assertThat(orderOf(deal).path("status").asText()).isEqualTo("PENDING_ERP"));

        erp.down(false);

        for (long deal : deals) {
            JsonNode order = awaitStatus(deal, "RESERVED");
            assertThat(erpOrdersFor(order.path("externalRef").asText())).as("ERP orders for deal %s", deal).hasSize(1);
        }
    }

    @Test
    void dealsWonTogetherBecomeOneReservedOrderEachWhileSeveralConsumersTakeThem() {
        String sku = product(100);
        List<Long> deals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deals.add(wonDeal(sku, 1));
        }

        for (long deal : deals) {
            JsonNode order = awaitStatus(deal, "RESERVED");
            assertThat(erpOrdersFor(order.path("externalRef").asText())).as("ERP orders for deal %s", deal).hasSize(1);
        }
    }

    /**
     * The hand-over of a won deal is one broker transaction: the DealWon is consumed exactly when its SalesOrder is on
     * the ERP's queue. Here that transaction cannot commit (the broker saw the SalesOrder's duplicate id already and
     * refuses it), so the DealWon must be delivered again until the broker sets it aside on the flow's dead-letter
     * queue, not be acknowledged on its own: that is how a hub killed between two commits used to lose an order. Once
     * the way is clear, retrying it from there (the operator's replay) brings the order to the ERP once.
     */
    @Test
    void aWonDealWhoseSalesOrderCannotBeQueuedIsSetAsideNotLostAndItsReplayReachesTheErp() throws Exception {
        long deal = openDeal(product(10), 1);
        String blocker = "blocker-" + deal;
        // Due in an hour, so no consumer takes it: only its duplicate id matters.
        jms.send("erp.sales-orders", session -> {
            var message = session.createTextMessage("{}");
            message.setStringProperty("_AMQ_DUPL_ID", "sales-order:CRM-ORD-" + deal);
            message.setLongProperty("_AMQ_SCHED_DELIVERY", System.currentTimeMillis() + 3_600_000L);
            message.setStringProperty("testBlocker", blocker);
            return message;
        });

        as("sales_east1").post("/api/v1/deals/" + deal + "/win", null).expect(200);

        JsonNode letter = await().atMost(FLOW).until(() -> deadLetter("deal-won-to-order", "deal:" + deal),
                java.util.Objects::nonNull);
        assertThat(letter.path("reason").isMissingNode() || letter.path("reason").isNull())
                .as("the hub cannot know why a commit failed: %s", letter).isTrue();
        assertThat(orderOf(deal).path("status").asText()).isEqualTo("PENDING_ERP");

        Queue salesOrders = broker.getActiveMQServer().locateQueue("erp.sales-orders");
        assertThat(salesOrders.deleteMatchingReferences(
                FilterImpl.createFilter("testBlocker = '" + blocker + "'"))).isEqualTo(1);
        broker.getActiveMQServer().getPostOffice().getDuplicateIDCache(SimpleString.of("erp.sales-orders"))
                .deleteFromCache(SimpleString.of("sales-order:CRM-ORD-" + deal).getData());
        as("operator").post("/api/v1/ops/dead-letters/" + letter.path("id").asText() + "/replay", Map.of())
                .expect(200);
        JsonNode order = awaitStatus(deal, "RESERVED");
        assertThat(erpOrdersFor(order.path("externalRef").asText())).hasSize(1);
    }

    private JsonNode deadLetter(String flow, String businessKey) {
        for (JsonNode letter : as("operator").get("/api/v1/ops/dead-letters?flow=" + flow).expect(200).body()) {
            if (businessKey.equals(letter.path("businessKey").asText())) {
                return letter;
            }
        }
        return null;
    }

    /** ERP calls the hub made for these deals' orders (each call through the breaker counts one attempt). */
    private int callsMade(List<Long> deals) {
        return deals.stream().map(this::orderOf).filter(java.util.Objects::nonNull)
                .mapToInt(o -> o.path("erpAttempts").asInt()).sum();
    }

    @Test
    void aValidationFaultIsParkedAfterOneAttemptAndAnEditedReplaySucceeds() {
        String unknownToErp = product(null);
        int callsBefore = erp.createCallCount();
        long deal = wonDeal(unknownToErp, 2);

        JsonNode failed = awaitStatus(deal, "FAILED");
        String ref = failed.path("externalRef").asText();
        assertThat(failed.path("failureReason").asText()).contains(unknownToErp);
        assertThat(erp.createCallCount() - callsBefore).isEqualTo(1);
        assertThat(String.join("\n", timeline(as("sales_east1").get("/api/v1/deals/" + deal + "/timeline"))))
                .contains("ERP refused order " + ref);

        JsonNode letter = deadLetterOf(ref);
        assertThat(letter).as("dead letter of %s", ref).isNotNull();
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.path("reason").asText()).contains(unknownToErp);
        String id = letter.path("id").asText();
        as("sales_east1").post("/api/v1/ops/dead-letters/" + id + "/replay", Map.of()).expect(403);

        JsonNode parked = as("operator").get("/api/v1/ops/dead-letters/" + id).expect(200).body();
        ObjectNode payload = (ObjectNode) parked.path("body").path("payload").deepCopy();
        ObjectNode badPayload = payload.deepCopy();
        badPayload.remove("customer");
        as("operator").post("/api/v1/ops/dead-letters/" + id + "/replay", Map.of("payload", badPayload))
                .expectFieldError("payload");

        String stocked = product(10);
        ((ObjectNode) payload.path("lines").get(0)).put("sku", stocked);
        as("operator").post("/api/v1/ops/dead-letters/" + id + "/replay", Map.of("payload", payload)).expect(200);

        JsonNode reserved = awaitStatus(deal, "RESERVED");
        assertThat(erpOrdersFor(ref)).singleElement()
                .satisfies(o -> assertThat(o.lines().get(0).sku()).isEqualTo(stocked));
        as("operator").get("/api/v1/ops/dead-letters/" + id).expect(404);
        assertThat(reserved.path("history").findValuesAsText("to")).containsExactly("PENDING_ERP", "FAILED", "RESERVED");
        assertThat(auditLog.entriesFor("dead-letter", id)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("REPLAYED");
            assertThat(entry.actor()).isEqualTo("operator");
        });
    }

    @Test
    void anOrderTheErpKeepsRefusingIsParkedWithItsAttemptsWhenTheyRunOut() {
        String sku = product(10);
        erp.injectUnavailable(1_000);
        long deal = wonDeal(sku, 1);

        JsonNode failed = awaitStatus(deal, "FAILED");
        erp.injectUnavailable(0);

        String ref = failed.path("externalRef").asText();
        JsonNode letter = deadLetterOf(ref);
        assertThat(letter).as("dead letter of %s", ref).isNotNull();
        // max-attempts is 5 in tests. Attempts are the broker's deliveries: a message the breaker guard takes back from
        // a stopping consumer counts as one too, so the count can pass 5 by a little — it never parks earlier.
        int deliveries = letter.path("attempts").asInt();
        assertThat(deliveries).isBetween(5, 8);
        assertThat(failed.path("erpAttempts").asInt()).isBetween(1, deliveries);
        assertThat(letter.path("reason").asText()).contains("503");
        assertThat(letter.path("firstFailure").asText()).isNotBlank();
        assertThat(erpOrdersFor(ref)).isEmpty();
    }

    @Test
    void aMessageThatIsNotAValidSalesOrderIsParkedAtOnceWithoutCallingTheErp() {
        String messageId = unique("bad");
        int callsBefore = erp.createCallCount();
        jms.convertAndSend("erp.sales-orders", "{\"messageId\":\"" + messageId + "\",\"businessKey\":\"order:" + messageId
                + "\",\"sourceSystem\":\"crm\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"type\":\"SalesOrder\","
                + "\"schemaVersion\":1,\"payload\":{\"orderId\":\"" + messageId + "\",\"currency\":\"cny\",\"lines\":[]}}",
                m -> {
                    m.setStringProperty("hubBusinessKey", "order:" + messageId);
                    return m;
                });

        await().atMost(FLOW).until(() -> deadLetterOf(messageId) != null);
        JsonNode letter = deadLetterOf(messageId);
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.path("reason").asText()).contains("not a valid SalesOrder").contains("customer");
        assertThat(erp.createCallCount()).isEqualTo(callsBefore);
    }

    private JsonNode deadLetterOf(String orderRef) {
        return deadLetter("order-to-erp", "order:" + orderRef);
    }

    @Test
    void replayingAnOrderTheErpAlreadyHasCreatesNoSecondErpOrder() {
        String sku = product(10);
        long deal = wonDeal(sku, 1);
        JsonNode order = awaitStatus(deal, "RESERVED");
        String ref = order.path("externalRef").asText();

        // The same SalesOrder again, as a replay or a duplicate delivery would bring it.
        erp.injectUnavailable(0);
        as("sales_east1").post("/api/v1/deals/" + deal + "/win", null).expect(409);
        assertThat(erpOrdersFor(ref)).hasSize(1);
        assertThat(orderOf(deal).path("erpOrderNo").asText()).isEqualTo(order.path("erpOrderNo").asText());
    }

    @Test
    void availabilityComesFromTheErp() {
        String sku = product(42);
        JsonNode availability = as("sales_west").get("/api/v1/products/" + sku + "/availability").expect(200).body();
        assertThat(availability.toString()).contains("42");
        as("sales_west").get("/api/v1/products/" + unique("NOPE") + "/availability").expect(404);
    }
}
