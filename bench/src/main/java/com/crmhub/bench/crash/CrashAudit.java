package com.crmhub.bench.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verdict of a crash run, from the outside systems' own records and the hub's database: every deal has exactly
 * one ERP order and exactly one invoice, every shipment notice and finance webhook was applied exactly once, the
 * outbox and queues are empty (or dead-lettered with a reason), and nothing is missing.
 */
final class CrashAudit {

    private CrashAudit() {
    }

    static List<AuditLine> of(int deals, DealWins.Tally wins, HubRecords hub, SimulatorRecords outside,
                              Map<String, Long> queues, List<DeadLetter> deadLetters) {
        List<AuditLine> lines = new ArrayList<>();
        lines.add(AuditLine.must("deals won by the client", deals, wins.won(), "answered 200 (or found WON after a retry)"));
        lines.add(AuditLine.must("win requests that failed for good", 0, wins.failures().size(),
                String.join("; ", wins.failures().stream().limit(3).toList())));
        lines.add(AuditLine.must("deals WON in the CRM", deals, hub.dealsWon(), "hub database"));

        // Orders: one per deal in the CRM, one per CRM order in the ERP.
        lines.add(AuditLine.must("CRM orders", deals, hub.orders().size(), "crm_order"));
        lines.add(AuditLine.must("CRM orders PAID", deals, count(hub.orders(), o -> o.status().equals("PAID")),
                "RESERVED → SHIPPED → INVOICED → PAID"));
        Map<String, Long> erpByRef = outside.erpOrders().stream()
                .collect(Collectors.groupingBy(SimulatorRecords.ErpOrder::externalRef, Collectors.counting()));
        Set<String> crmRefs = hub.orders().stream().map(HubRecords.Order::externalRef).collect(Collectors.toSet());
        lines.add(AuditLine.must("ERP orders", deals, outside.erpOrders().size(), "ERP simulator's books"));
        lines.add(AuditLine.must("CRM orders with exactly one ERP order", deals,
                crmRefs.stream().filter(ref -> erpByRef.getOrDefault(ref, 0L) == 1).count(), "by externalRef"));
        List<HubRecords.Order> unsent = hub.orders().stream()
                .filter(order -> !erpByRef.containsKey(order.externalRef())).toList();
        lines.add(AuditLine.must("CRM orders with no ERP order", 0, unsent.size(), unsent.isEmpty() ? "missing"
                : "missing; by CRM status " + unsent.stream().collect(Collectors.groupingBy(HubRecords.Order::status,
                        TreeMap::new, Collectors.counting())) + ", e.g. " + unsent.get(0).externalRef()));
        lines.add(AuditLine.must("ERP orders duplicated (same externalRef)", 0,
                erpByRef.values().stream().filter(n -> n > 1).count(), "a second ERP order for one CRM order"));
        lines.add(AuditLine.must("ERP orders no CRM order knows", 0,
                erpByRef.keySet().stream().filter(ref -> !crmRefs.contains(ref)).count(), ""));
        lines.add(AuditLine.info("ERP CreateSalesOrder calls", outside.erpCreateCalls(), "retries included"));
        lines.add(AuditLine.info("ERP calls refused as duplicates", outside.erpDuplicateCreates(),
                "redelivered after a kill; the hub takes the ERP's DuplicateOrderFault as success"));

        // Shipment notices: each sent by the ERP is stored and applied once.
        Set<String> stored = hub.notices().stream().map(HubRecords.Notice::noticeId).collect(Collectors.toSet());
        lines.add(AuditLine.must("shipment notices sent by the ERP", deals, outside.notices().size(), "one per order"));
        lines.add(AuditLine.must("shipment notices acknowledged", outside.notices().size(),
                count(outside.notices(), SimulatorRecords.ErpNotice::accepted), "accepted=true"));
        lines.add(AuditLine.info("shipment notice deliveries", outside.notices().stream()
                .mapToLong(SimulatorRecords.ErpNotice::attempts).sum(), "attempts, retries after kills included"));
        lines.add(AuditLine.must("shipment notices stored by the hub", outside.notices().size(), hub.notices().size(),
                "shipment_notice, one row per noticeId"));
        lines.add(AuditLine.must("shipment notices sent but not stored", 0, outside.notices().stream()
                .filter(n -> !stored.contains(n.noticeId())).count(), "missing"));
        lines.add(AuditLine.must("shipment notices not APPLIED", 0,
                count(hub.notices(), n -> !n.status().equals("APPLIED")), "parked"));

        // Invoices: one per CRM order at finance, one CRM invoice per order.
        Map<String, Long> financeByRef = outside.invoices().stream()
                .collect(Collectors.groupingBy(SimulatorRecords.FinanceInvoice::externalRef, Collectors.counting()));
        Map<Long, Long> crmInvoicesByOrder = hub.invoices().stream()
                .collect(Collectors.groupingBy(HubRecords.Invoice::orderId, Collectors.counting()));
        Set<String> invoiceKeys = hub.invoices().stream().map(HubRecords.Invoice::invoiceKey)
                .collect(Collectors.toSet());
        lines.add(AuditLine.must("CRM invoices", deals, hub.invoices().size(), "customer_invoice"));
        lines.add(AuditLine.must("CRM orders with exactly one CRM invoice", deals, hub.orders().stream()
                .filter(o -> crmInvoicesByOrder.getOrDefault(o.id(), 0L) == 1).count(), ""));
        lines.add(AuditLine.must("finance invoices", deals, outside.invoices().size(), "finance simulator's books"));
        lines.add(AuditLine.must("CRM invoices with exactly one finance invoice", deals, invoiceKeys.stream()
                .filter(key -> financeByRef.getOrDefault(key, 0L) == 1).count(), "by externalRef = invoice key"));
        lines.add(AuditLine.must("finance invoices no CRM invoice knows", 0, financeByRef.keySet().stream()
                .filter(ref -> !invoiceKeys.contains(ref)).count(), ""));
        lines.add(AuditLine.must("finance invoices PAID", deals,
                count(outside.invoices(), i -> i.status().equals("PAID")), ""));
        lines.add(AuditLine.must("CRM invoices PAID", deals, count(hub.invoices(), i -> i.status().equals("PAID")), ""));
        lines.add(AuditLine.info("finance create-invoice calls", outside.financeCreateCalls(),
                "retries included; finance answers a repeated Idempotency-Key with the same invoice"));

        // Webhooks: each event finance sent is stored and applied once.
        Map<String, HubRecords.FinanceEvent> events = hub.financeEvents().stream()
                .collect(Collectors.toMap(HubRecords.FinanceEvent::eventId, Function.identity(), (a, b) -> a));
        lines.add(AuditLine.must("finance webhooks sent", 2L * deals, outside.webhooks().size(), "issued + paid"));
        lines.add(AuditLine.must("finance webhooks acknowledged", outside.webhooks().size(),
                count(outside.webhooks(), SimulatorRecords.Webhook::delivered), "2xx"));
        lines.add(AuditLine.info("finance webhook deliveries", outside.webhooks().stream()
                .mapToLong(SimulatorRecords.Webhook::attempts).sum(), "attempts, retries after kills included"));
        lines.add(AuditLine.must("finance events stored by the hub", outside.webhooks().size(),
                hub.financeEvents().size(), "finance_event, one row per eventId"));
        lines.add(AuditLine.must("finance webhooks sent but not stored", 0, outside.webhooks().stream()
                .filter(w -> !events.containsKey(w.eventId())).count(), "missing"));
        lines.add(AuditLine.must("finance events not APPLIED", 0,
                count(hub.financeEvents(), e -> !e.status().equals("APPLIED")), "parked"));

        // Applied once: no order entered a state twice, every deal's timeline has each flow step once.
        lines.add(AuditLine.must("orders that entered a state twice", 0,
                hub.repeatedStates().values().stream().mapToLong(Integer::longValue).sum(),
                hub.repeatedStates().isEmpty() ? "order_status_history" : hub.repeatedStates().toString()));
        Map<String, Integer> off = new HashMap<>();
        Set<Long> orderedDeals = new HashSet<>();
        hub.orders().forEach(o -> orderedDeals.add(o.dealId()));
        for (Long deal : orderedDeals) {
            Map<String, Integer> kinds = hub.timelineByDeal().getOrDefault(deal, Map.of());
            HubRecords.TIMELINE_PER_DEAL.forEach((kind, once) -> {
                if (kinds.getOrDefault(kind, 0) != once) {
                    off.merge(kind, 1, Integer::sum);
                }
            });
        }
        lines.add(AuditLine.must("deals whose timeline misses or repeats a flow step", 0,
                off.values().stream().mapToLong(Integer::longValue).sum(),
                off.isEmpty() ? "ORDER 2, SHIPMENT 1, INVOICE 2, PAYMENT 1 entries per deal" : off.toString()));

        // Left over.
        lines.add(AuditLine.must("outbox events not published", 0, hub.outboxPending(), "outbox_event"));
        long waiting = queues.entrySet().stream().filter(q -> !BrokerQueues.isDeadLetterQueue(q.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        lines.add(AuditLine.must("messages on flow queues", 0, waiting, waiting == 0 ? "Artemis queues via Jolokia"
                : queues.entrySet().stream().filter(q -> q.getValue() > 0).map(Object::toString)
                .collect(Collectors.joining(", "))));
        long dead = queues.entrySet().stream().filter(q -> BrokerQueues.isDeadLetterQueue(q.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        lines.add(AuditLine.info("dead letters", dead, deadLetters.stream()
                .map(d -> d.flow() + ": " + d.reason()).limit(3).collect(Collectors.joining("; "))));
        lines.add(AuditLine.must("set aside outside every flow's dead letters", 0, dead - deadLetters.size(),
                "the broker's DLQ, ExpiryQueue and catch-alls: no operator would find these"));
        lines.add(AuditLine.must("dead letters without a reason", 0,
                count(deadLetters, d -> d.reason() == null || d.reason().isBlank()), "/api/v1/ops/dead-letters"));
        lines.add(AuditLine.info("Idempotency-Key claims left unfinished", hub.unfinishedClaims(),
                "claims of requests a kill cut short and no retry took over"));
        return List.copyOf(lines);
    }

    private static <T> long count(List<T> items, java.util.function.Predicate<T> test) {
        return items.stream().filter(test).count();
    }

    /** A parked message as the operators' API lists it. */
    record DeadLetter(String flow, String reason) {
    }
}
