package com.crmhub.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit on made-up records: a clean run passes, and each kind of damage a crash can do is counted. */
class CrashAuditTests {

    private static final int DEALS = 3;

    @Test
    void aRunWhereEveryFlowRanOnceHasNoViolation() {
        assertThat(violations(hub(), outside(), Map.of("crm.events.deal-won", 0L, "dlq.order-to-erp", 0L))).isEmpty();
    }

    @Test
    void aSecondErpOrderForOneCrmOrderIsADuplicate() {
        SimulatorRecords outside = outside();
        List<SimulatorRecords.ErpOrder> orders = new ArrayList<>(outside.erpOrders());
        orders.add(new SimulatorRecords.ErpOrder("SO-9", "ORD-1", "SHIPPED"));

        assertThat(violations(hub(), withErpOrders(outside, orders), Map.of()))
                .contains("ERP orders", "ERP orders duplicated (same externalRef)",
                        "CRM orders with exactly one ERP order");
    }

    @Test
    void aWebhookFinanceSentButTheHubLostIsMissing() {
        HubRecords hub = hub();
        List<HubRecords.FinanceEvent> events = new ArrayList<>(hub.financeEvents());
        events.remove(0);
        HubRecords lost = new HubRecords(hub.dealsWon(), hub.orders(), hub.invoices(), hub.notices(), events,
                hub.repeatedStates(), hub.timelineByDeal(), 0, 0);

        assertThat(violations(lost, outside(), Map.of()))
                .contains("finance events stored by the hub", "finance webhooks sent but not stored");
    }

    @Test
    void aShipmentAppliedTwiceShowsOnTheOrderAndTheTimeline() {
        HubRecords hub = hub();
        Map<Long, Map<String, Integer>> timeline = new HashMap<>(hub.timelineByDeal());
        timeline.put(10L, Map.of("ORDER", 2, "SHIPMENT", 2, "INVOICE", 2, "PAYMENT", 1));
        HubRecords twice = new HubRecords(hub.dealsWon(), hub.orders(), hub.invoices(), hub.notices(),
                hub.financeEvents(), Map.of("SHIPPED", 1), timeline, 0, 0);

        assertThat(violations(twice, outside(), Map.of()))
                .containsExactlyInAnyOrder("orders that entered a state twice",
                        "deals whose timeline misses or repeats a flow step");
    }

    @Test
    void anEventLeftInTheOutboxOrOnAFlowQueueIsNotSettled() {
        HubRecords hub = hub();
        HubRecords pending = new HubRecords(hub.dealsWon(), hub.orders(), hub.invoices(), hub.notices(),
                hub.financeEvents(), hub.repeatedStates(), hub.timelineByDeal(), 1, 0);

        assertThat(violations(pending, outside(), Map.of("erp.sales-orders", 2L, "dlq.order-to-erp", 1L),
                List.of(new CrashAudit.DeadLetter("order-to-erp", "ValidationFault: unknown SKU"))))
                .containsExactlyInAnyOrder("outbox events not published", "messages on flow queues");
    }

    @Test
    void aMessageTheBrokerSetAsideWhereNoFlowLooksIsCounted() {
        assertThat(violations(hub(), outside(), Map.of("DLQ", 1L, "dlq.order-to-erp", 0L), List.of()))
                .containsExactly("set aside outside every flow's dead letters");
    }

    private static List<String> violations(HubRecords hub, SimulatorRecords outside, Map<String, Long> queues) {
        return violations(hub, outside, queues, List.of());
    }

    private static List<String> violations(HubRecords hub, SimulatorRecords outside, Map<String, Long> queues,
                                           List<CrashAudit.DeadLetter> deadLetters) {
        DealWins.Tally wins = new DealWins.Tally(DEALS, DEALS, DEALS, 0, 0, 0, 0, 0, List.of());
        return CrashAudit.of(DEALS, wins, hub, outside, queues, deadLetters).stream()
                .filter(AuditLine::violated).map(AuditLine::what).toList();
    }

    private static HubRecords hub() {
        List<HubRecords.Order> orders = new ArrayList<>();
        List<HubRecords.Invoice> invoices = new ArrayList<>();
        List<HubRecords.Notice> notices = new ArrayList<>();
        List<HubRecords.FinanceEvent> events = new ArrayList<>();
        Map<Long, Map<String, Integer>> timeline = new HashMap<>();
        for (int i = 1; i <= DEALS; i++) {
            orders.add(new HubRecords.Order(i, 10 * i, "ORD-" + i, "PAID", "SO-" + i));
            invoices.add(new HubRecords.Invoice("ORD-" + i, i, "PAID", "INV-" + i));
            notices.add(new HubRecords.Notice("N-" + i, "SO-" + i, "APPLIED"));
            events.add(new HubRecords.FinanceEvent("E-" + i + "-issued", "INVOICE_ISSUED", "INV-" + i, "APPLIED"));
            events.add(new HubRecords.FinanceEvent("E-" + i + "-paid", "PAYMENT_RECEIVED", "INV-" + i, "APPLIED"));
            timeline.put(10L * i, HubRecords.TIMELINE_PER_DEAL);
        }
        return new HubRecords(DEALS, orders, invoices, notices, events, Map.of(), timeline, 0, 0);
    }

    private static SimulatorRecords outside() {
        List<SimulatorRecords.ErpOrder> orders = new ArrayList<>();
        List<SimulatorRecords.ErpNotice> notices = new ArrayList<>();
        List<SimulatorRecords.FinanceInvoice> invoices = new ArrayList<>();
        List<SimulatorRecords.Webhook> webhooks = new ArrayList<>();
        for (int i = 1; i <= DEALS; i++) {
            orders.add(new SimulatorRecords.ErpOrder("SO-" + i, "ORD-" + i, "SHIPPED"));
            notices.add(new SimulatorRecords.ErpNotice("N-" + i, "SO-" + i, 1, true));
            invoices.add(new SimulatorRecords.FinanceInvoice("INV-" + i, "ORD-" + i, "PAID"));
            webhooks.add(new SimulatorRecords.Webhook("E-" + i + "-issued", "INVOICE_ISSUED", "INV-" + i, 1, true));
            webhooks.add(new SimulatorRecords.Webhook("E-" + i + "-paid", "PAYMENT_RECEIVED", "INV-" + i, 2, true));
        }
        return new SimulatorRecords(DEALS, 0, orders, notices, DEALS, invoices, webhooks);
    }

    private static SimulatorRecords withErpOrders(SimulatorRecords outside, List<SimulatorRecords.ErpOrder> orders) {
        return new SimulatorRecords(outside.erpCreateCalls(), outside.erpDuplicateCreates(), orders, outside.notices(),
                outside.financeCreateCalls(), outside.invoices(), outside.webhooks());
    }
}
