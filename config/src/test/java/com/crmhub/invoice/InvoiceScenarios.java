package com.crmhub.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.canonical.invoice.InvoiceEventType;
import com.crmhub.canonical.invoice.InvoiceStatus;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.Shipment;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.invoice.InvoiceService;
import com.crmhub.crm.invoice.WebhookOutcome;
import com.crmhub.crm.order.Order;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.order.OrderShipped;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invoicing on the CRM side: an order is won over HTTP, accepted and shipped through {@link OrderService} as the ERP
 * flow does; then {@link InvoiceService} is called as the finance routes call it ({@code integration:finance}), and
 * the effects are read back over HTTP (order view, timeline, receivables) and in the outbox.
 */
abstract class InvoiceScenarios extends ApiTestSupport {

    static final String FINANCE = "integration:finance";

    @Autowired
    OrderService orderService;
    @Autowired
    InvoiceService invoiceService;
    @Autowired
    JdbcTemplate jdbc;

    String pump;
    String valve;
    long accountId;
    String email;

    @BeforeEach
    void catalogueAndCustomer() {
        pump = unique("PUMP");
        valve = unique("VALVE");
        as("admin").post("/api/v1/products", Map.of("sku", pump, "name", "Centrifugal pump", "unit", "pcs",
                "listPrice", 100, "taxRate", 0.13)).expect(201);
        as("admin").post("/api/v1/products", Map.of("sku", valve, "name", "Ball valve", "unit", "pcs",
                "listPrice", 20, "taxRate", 0.09)).expect(201);
        accountId = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Acme Pumps"),
                "province", "Zhejiang", "city", "Hangzhou",
                "externalRefs", List.of(Map.of("system", "erp", "externalId", unique("C"))))).expect(201).id();
        as("sales_east1").post("/api/v1/accounts/" + accountId + "/contacts", Map.of("name", "No Mail")).expect(201);
        email = unique("buyer").toLowerCase() + "@acme.example";
        as("sales_east1").post("/api/v1/accounts/" + accountId + "/contacts", Map.of("name", "Li Na", "email", email))
                .expect(201);
    }

    static <T> T actingAs(String actor, Supplier<T> work) {
        return SystemActor.callAs(actor, work);
    }

    static <T> T finance(Supplier<T> work) {
        return SystemActor.callAs(FINANCE, work);
    }

    /** A won deal for 4 pumps (13 %) and 2 valves (9 %), accepted by the ERP; the order as it stands. */
    Order acceptedOrder() {
        long dealId = as("sales_east1").post("/api/v1/deals", Map.of("accountId", accountId,
                "name", unique("Pumps for Acme"), "expectedCloseDate", "2026-06-30",
                "lines", List.of(Map.of("sku", pump, "quantity", 4), Map.of("sku", valve, "quantity", 2))))
                .expect(201).id();
        as("sales_east1").post("/api/v1/deals/" + dealId + "/win", null).expect(200);
        DealWon won = outboxPayload("deal:" + dealId, "DealWon", DealWon.class).get(0);
        Order order = actingAs("integration:erp", () -> orderService.createFromDealWon(won));
        String erpNo = unique("SO");
        return actingAs("integration:erp", () -> orderService.recordAccepted(new OrderAccepted(order.getExternalRef(), erpNo,
                ReservationStatus.RESERVED, List.of(), false, Instant.now())));
    }

    /** Ships the order (both lines, in the given quantities) and answers the OrderShipped the outbox holds. */
    OrderShipped ship(Order order, ShipmentType type, String pumps, String valves) {
        String noticeId = unique("N");
        actingAs("integration:erp", () -> orderService.receiveShipment(new Shipment(noticeId, type, order.getErpOrderNo(),
                null, Instant.now(), "SF1", "SF Express", List.of(new ShipmentLine(1, null, new BigDecimal(pumps)),
                new ShipmentLine(2, null, new BigDecimal(valves))))));
        return outboxPayload("order:" + order.getExternalRef(), "OrderShipped", OrderShipped.class).stream()
                .filter(s -> noticeId.equals(s.noticeId())).findFirst().orElseThrow();
    }

    /** Shipped completely, requested and accepted by finance as {@code financeId}. */
    Invoice requested(Order order, String financeId) {
        OrderShipped shipped = ship(order, ShipmentType.SHIPPED, "4", "2");
        Invoice invoice = finance(() -> invoiceService.invoiceRequestFor(shipped));
        finance(() -> {
            invoiceService.recordRequested(invoice.orderId(), financeId);
            return null;
        });
        return invoice;
    }

    static InvoiceEvent event(InvoiceEventType type, String financeId, String orderId, InvoiceStatus status,
                              String number, String paid, String reason) {
        return new InvoiceEvent(unique("EV"), type, Instant.now(), financeId, orderId, status, number,
                new BigDecimal("440.00"), new BigDecimal("57.20"), new BigDecimal("497.20"),
                paid == null ? null : new BigDecimal(paid), reason);
    }

    WebhookOutcome apply(InvoiceEvent event) {
        return finance(() -> invoiceService.applyEvent(event, "{\"eventId\":\"" + event.eventId() + "\"}"));
    }

    <T> List<T> outboxPayload(String businessKey, String type, Class<T> as) {
        return jdbc.queryForList("select payload from outbox_event where business_key = ? and event_type = ? "
                + "order by seq", String.class, businessKey, type).stream().map(envelope -> {
                    try {
                        return objectMapper.treeToValue(objectMapper.readTree(envelope).path("payload"), as);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    JsonNode view(Order order) {
        return as("sales_east1").get("/api/v1/orders/" + order.getId()).expect(200).body();
    }

    List<String> timeline(Order order) {
        return as("sales_east1").get("/api/v1/deals/" + order.getDealId() + "/timeline?size=200").expect(200).body()
                .path("items").findValuesAsText("title");
    }

    @Test
    void aShippedOrderBecomesOneInvoiceRequestPerKeyWithAmountsThatAddUp() {
        Order order = acceptedOrder();
        OrderShipped shipped = ship(order, ShipmentType.SHIPPED, "4", "2");

        Invoice first = finance(() -> invoiceService.invoiceRequestFor(shipped));
        Invoice again = finance(() -> invoiceService.invoiceRequestFor(shipped));

        assertThat(again).isEqualTo(first);
        assertThat(first.orderId()).isEqualTo(order.getExternalRef());
        assertThat(first.buyer().address()).isEqualTo("Zhejiang Hangzhou");
        assertThat(first.buyer().email()).isEqualTo(email);
        assertThat(first.lines()).hasSize(2);
        assertThat(first.totals().net()).isEqualByComparingTo("440.00");
        assertThat(first.totals().tax()).isEqualByComparingTo("55.60"); // 400 x 13 % + 40 x 9 %
        assertThat(first.totals().gross()).isEqualByComparingTo("495.60");
        assertThat(jdbc.queryForObject("select count(*) from customer_invoice where invoice_key = ?", Integer.class,
                order.getExternalRef())).isEqualTo(1);
        JsonNode invoice = view(order).path("invoices").get(0);
        assertThat(invoice.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(invoice.path("grossAmount").decimalValue()).isEqualByComparingTo("495.60");
    }

    @Test
    void eachPartialShipmentIsInvoicedOnceUnderItsOwnKey() {
        Order order = acceptedOrder();
        OrderShipped part = ship(order, ShipmentType.PARTIALLY_SHIPPED, "1", "0");

        Invoice invoice = finance(() -> invoiceService.invoiceRequestFor(part));
        finance(() -> invoiceService.invoiceRequestFor(part));

        assertThat(invoice.orderId()).isEqualTo(order.getExternalRef() + "-" + part.noticeId());
        assertThat(invoice.totals().gross()).isEqualByComparingTo("113.00");
        assertThat(jdbc.queryForObject("select count(*) from customer_invoice where order_id = ?", Integer.class,
                order.getId())).isEqualTo(1);
    }

    @Test
    void anIssuedInvoiceMakesTheOrderInvoicedAndShowsOnTheTimeline() {
        Order order = acceptedOrder();
        String financeId = unique("INV");
        requested(order, financeId);

        assertThat(apply(event(InvoiceEventType.INVOICE_ISSUED, financeId, order.getExternalRef(),
                InvoiceStatus.ISSUED, "No.0001", null, null))).isEqualTo(WebhookOutcome.APPLIED);

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("INVOICED");
        assertThat(view.path("invoices").get(0).path("invoiceNumber").asText()).isEqualTo("No.0001");
        assertThat(view.path("invoices").get(0).path("status").asText()).isEqualTo("ISSUED");
        assertThat(view.path("history").findValuesAsText("to")).endsWith("INVOICED");
        assertThat(timeline(order)).contains("Invoice No.0001 issued: 497.20 CNY");
        assertThat(outboxPayload("order:" + order.getExternalRef(), "InvoiceIssued", JsonNode.class)).hasSize(1);
    }

    @Test
    void paymentsAccumulateUntilTheOrderIsPaid() {
        Order order = acceptedOrder();
        String financeId = unique("INV");
        requested(order, financeId);
        apply(event(InvoiceEventType.INVOICE_ISSUED, financeId, order.getExternalRef(), InvoiceStatus.ISSUED,
                "No.0002", null, null));

        apply(event(InvoiceEventType.PAYMENT_RECEIVED, financeId, order.getExternalRef(), InvoiceStatus.ISSUED,
                "No.0002", "200.00", null));
        JsonNode partly = view(order);
        assertThat(partly.path("status").asText()).isEqualTo("INVOICED");
        assertThat(partly.path("invoices").get(0).path("outstandingAmount").decimalValue())
                .isEqualByComparingTo("297.20");

        apply(event(InvoiceEventType.PAYMENT_RECEIVED, financeId, order.getExternalRef(), InvoiceStatus.PAID,
                "No.0002", "497.20", null));
        JsonNode paid = view(order);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        JsonNode invoice = paid.path("invoices").get(0);
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("paidAmount").decimalValue()).isEqualByComparingTo("497.20");
        assertThat(invoice.path("payments").findValuesAsText("amount")).hasSize(2);
        assertThat(invoice.path("payments").get(1).path("amount").decimalValue()).isEqualByComparingTo("297.20");
        assertThat(outboxPayload("order:" + order.getExternalRef(), "PaymentReceived", JsonNode.class)).hasSize(2);
    }

    @Test
    void aPaymentReportedBeforeTheIssueStillEndsWithAPaidOrder() {
        Order order = acceptedOrder();
        String financeId = unique("INV");
        requested(order, financeId);

        // Finance sends its webhooks concurrently: the payment can overtake the issue.
        apply(event(InvoiceEventType.PAYMENT_RECEIVED, financeId, order.getExternalRef(), InvoiceStatus.PAID,
                "No.0003", "497.20", null));
        apply(event(InvoiceEventType.INVOICE_ISSUED, financeId, order.getExternalRef(), InvoiceStatus.PAID,
                "No.0003", "497.20", null));

        JsonNode paid = view(order);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("invoices").get(0).path("invoiceNumber").asText()).isEqualTo("No.0003");
        assertThat(paid.path("invoices").get(0).path("outstandingAmount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        Order order = acceptedOrder();
        String financeId = unique("INV");
        requested(order, financeId);
        apply(event(InvoiceEventType.INVOICE_ISSUED, financeId, order.getExternalRef(), InvoiceStatus.ISSUED,
                "No.0003", null, null));
        InvoiceEvent payment = event(InvoiceEventType.PAYMENT_RECEIVED, financeId, order.getExternalRef(),
                InvoiceStatus.ISSUED, "No.0003", "100.00", null);

        assertThat(apply(payment)).isEqualTo(WebhookOutcome.APPLIED);
        assertThat(apply(payment)).isEqualTo(WebhookOutcome.DUPLICATE);

        assertThat(view(order).path("invoices").get(0).path("paidAmount").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(jdbc.queryForObject("select count(*) from finance_event where event_id = ?", Integer.class,
                payment.eventId())).isEqualTo(1);
        assertThat(outboxPayload("order:" + order.getExternalRef(), "PaymentReceived", JsonNode.class)).hasSize(1);
    }

    @Test
    void anEventForAnUnknownInvoiceIsParkedWithoutEffect() {
        InvoiceEvent event = event(InvoiceEventType.INVOICE_ISSUED, unique("INV"), unique("CRM-ORD-X"),
                InvoiceStatus.ISSUED, "No.9", null, null);

        assertThat(apply(event)).isEqualTo(WebhookOutcome.PARKED);
        assertThat(jdbc.queryForObject("select status from finance_event where event_id = ?", String.class,
                event.eventId())).isEqualTo("PARKED");
        assertThat(jdbc.queryForObject("select payload from finance_event where event_id = ?", String.class,
                event.eventId())).contains(event.eventId());
    }

    @Test
    void aRejectedInvoiceIsVisibleOnTheOrderAndTimeline() {
        Order order = acceptedOrder();
        Invoice invoice = requested(order, unique("INV"));

        finance(() -> {
            invoiceService.recordRejected(invoice.orderId(), "buyer tax id missing");
            invoiceService.recordRejected(invoice.orderId(), "buyer tax id missing");
            return null;
        });

        JsonNode view = view(order);
        assertThat(view.path("invoices").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(view.path("invoices").get(0).path("rejectReason").asText()).isEqualTo("buyer tax id missing");
        assertThat(timeline(order)).contains("Finance refused invoice " + invoice.orderId() + ": buyer tax id missing");
        assertThat(outboxPayload("order:" + order.getExternalRef(), "InvoiceRejected", JsonNode.class)).hasSize(1);
        as("operator").get("/api/v1/orders/" + order.getId()).expect(200);
    }

    @Test
    void receivablesSumInvoicedPaidAndOutstandingPerCurrencyWithinScope() {
        Order first = acceptedOrder();
        String firstId = unique("INV");
        requested(first, firstId);
        apply(event(InvoiceEventType.INVOICE_ISSUED, firstId, first.getExternalRef(), InvoiceStatus.ISSUED, "No.1",
                null, null));
        apply(event(InvoiceEventType.PAYMENT_RECEIVED, firstId, first.getExternalRef(), InvoiceStatus.ISSUED, "No.1",
                "97.20", null));
        Order second = acceptedOrder();
        String secondId = unique("INV");
        requested(second, secondId);
        apply(event(InvoiceEventType.INVOICE_ISSUED, secondId, second.getExternalRef(), InvoiceStatus.ISSUED, "No.2",
                null, null));
        requested(acceptedOrder(), unique("INV")); // requested only: not a receivable yet

        JsonNode receivables = as("sales_east1").get("/api/v1/accounts/" + accountId + "/receivables").expect(200)
                .body();
        JsonNode cny = receivables.path("currencies").get(0);
        assertThat(receivables.path("currencies")).hasSize(1);
        assertThat(cny.path("currency").asText()).isEqualTo("CNY");
        assertThat(cny.path("invoices").asInt()).isEqualTo(2);
        assertThat(cny.path("invoiced").decimalValue()).isEqualByComparingTo("994.40");
        assertThat(cny.path("paid").decimalValue()).isEqualByComparingTo("97.20");
        assertThat(cny.path("outstanding").decimalValue()).isEqualByComparingTo("897.20");

        as("sales_west").get("/api/v1/accounts/" + accountId + "/receivables").expect(404);
        as("sales_west").get("/api/v1/accounts/999999999/receivables").expect(404);
        as("operator").get("/api/v1/accounts/" + accountId + "/receivables").expect(200);
    }

    @Test
    void rejectedAndVoidedEventsAreNotedWithoutMovingTheOrder() {
        Order order = acceptedOrder();
        String financeId = unique("INV");
        requested(order, financeId);

        apply(event(InvoiceEventType.INVOICE_REJECTED, financeId, order.getExternalRef(), InvoiceStatus.REJECTED,
                null, null, "buyer address incomplete"));
        assertThat(view(order).path("invoices").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(timeline(order)).contains("Finance refused invoice " + order.getExternalRef()
                + ": buyer address incomplete");

        apply(event(InvoiceEventType.INVOICE_VOIDED, financeId, order.getExternalRef(), InvoiceStatus.VOID,
                null, null, null));
        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(view.path("invoices").get(0).path("status").asText()).isEqualTo("VOID");
        assertThat(timeline(order)).contains("Invoice " + order.getExternalRef() + " voided");
    }
}
