package com.crmhub.bench.crash;

import com.crmhub.bench.process.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outside systems' own records, from their admin APIs: the ERP's orders, its CreateSalesOrder calls (and those
 * refused as duplicates) and the shipment notices it sent; finance's invoices and the webhook events it sent.
 */
record SimulatorRecords(int erpCreateCalls, int erpDuplicateCreates, List<ErpOrder> erpOrders, List<ErpNotice> notices,
                        int financeCreateCalls, List<FinanceInvoice> invoices, List<Webhook> webhooks) {

    record ErpOrder(String erpOrderNo, String externalRef, String status) {
    }

    record ErpNotice(String noticeId, String erpOrderNo, int attempts, boolean accepted) {
    }

    record FinanceInvoice(String invoiceId, String externalRef, String status) {
    }

    record Webhook(String eventId, String type, String invoiceId, int attempts, boolean delivered) {
    }

    static SimulatorRecords read(HttpApi erp, HttpApi finance) throws IOException, InterruptedException {
        JsonNode erpState = erp.get("/simulator/erp");
        List<ErpOrder> orders = new ArrayList<>();
        for (JsonNode o : erp.get("/simulator/erp/orders")) {
            orders.add(new ErpOrder(o.path("erpOrderNo").asText(), o.path("externalRef").asText(),
                    o.path("status").asText()));
        }
        List<ErpNotice> notices = new ArrayList<>();
        for (JsonNode n : erp.get("/simulator/erp/notices")) {
            notices.add(new ErpNotice(n.path("noticeId").asText(), n.path("erpOrderNo").asText(),
                    n.path("attempts").asInt(), n.path("accepted").asBoolean()));
        }
        JsonNode financeState = finance.get("/simulator/finance");
        List<FinanceInvoice> invoices = new ArrayList<>();
        for (JsonNode i : finance.get("/simulator/finance/invoices")) {
            invoices.add(new FinanceInvoice(i.path("invoiceId").asText(), i.path("externalRef").asText(),
                    i.path("status").asText()));
        }
        List<Webhook> webhooks = new ArrayList<>();
        for (JsonNode e : finance.get("/simulator/finance/events")) {
            webhooks.add(new Webhook(e.path("eventId").asText(), e.path("type").asText(),
                    e.path("invoiceId").asText(), e.path("attempts").asInt(), e.path("delivered").asBoolean()));
        }
        return new SimulatorRecords(erpState.path("createCallCount").asInt(),
                erpState.path("duplicateCreateCount").asInt(), orders, notices,
                financeState.path("createCallCount").asInt(), invoices, webhooks);
    }

    /** Nothing left to do on the outside: every order shipped, every notice and webhook delivered, no invoice open. */
    boolean quiet() {
        return erpOrders.stream().allMatch(o -> o.status().equals("SHIPPED") || o.status().equals("CANCELLED"))
                && notices.stream().allMatch(ErpNotice::accepted)
                && webhooks.stream().allMatch(Webhook::delivered)
                && invoices.stream().noneMatch(i -> i.status().equals("PENDING") || i.status().equals("ISSUED"));
    }
}
