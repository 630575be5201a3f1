package com.crmhub.routes.notification;

import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.invoice.InvoiceIssued;
import com.crmhub.crm.invoice.InvoiceRejected;
import com.crmhub.crm.lead.LeadAssigned;
import com.crmhub.crm.order.OrderBackordered;
import com.crmhub.crm.outbox.CrmEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM events people are told about: the broker type, the key of its rule in {@code hub.notifications.events},
 * the placeholders its text may use and the text used when the rule names none.
 */
enum NotifiedEvent {

    LEAD_ASSIGNED(LeadAssigned.class, "lead-assigned",
            Set.of("leadId", "leadName", "companyName", "action", "assignedAt"),
            "【线索${action}】${leadName}（${companyName}），负责人：${owner}"),
    DEAL_WON(DealWon.class, "deal-won",
            Set.of("dealId", "dealName", "accountName", "contactName", "amount", "currency", "wonAt"),
            "【赢单】${dealName}（${accountName}）${amount} ${currency}，负责人：${owner}"),
    ORDER_BACKORDERED(OrderBackordered.class, "order-backordered",
            Set.of("orderId", "dealId", "erpOrderNo", "missing"),
            "【缺货】订单 ${orderId}（ERP ${erpOrderNo}）未能预留：${missing}，负责人：${owner}"),
    INVOICE_ISSUED(InvoiceIssued.class, "invoice-issued",
            Set.of("orderId", "dealId", "invoiceKey", "invoiceNumber", "grossAmount", "currency"),
            "【已开票】订单 ${orderId} 的发票 ${invoiceNumber} 已开具：${grossAmount} ${currency}，负责人：${owner}"),
    INVOICE_REJECTED(InvoiceRejected.class, "invoice-rejected",
            Set.of("orderId", "dealId", "invoiceKey", "reason"),
            "【开票被拒】订单 ${orderId} 的发票 ${invoiceKey} 被财务拒绝：${reason}，负责人：${owner}");

    /** Every text may also name the owner (empty when the record has none). */
    static final String OWNER = "owner";

    private final Class<? extends CrmEvent> payloadClass;
    private final String key;
    private final Set<String> placeholders;
    private final String defaultTemplate;

    NotifiedEvent(Class<? extends CrmEvent> payloadClass, String key, Set<String> placeholders,
                  String defaultTemplate) {
        this.payloadClass = payloadClass;
        this.key = key;
        this.placeholders = placeholders;
        this.defaultTemplate = defaultTemplate;
    }

    /** The message type on the broker ({@code hubType}): the event record's name. */
    String type() {
        return payloadClass.getSimpleName();
    }

    Class<? extends CrmEvent> payloadClass() {
        return payloadClass;
    }

    String key() {
        return key;
    }

    boolean allows(String placeholder) {
        return OWNER.equals(placeholder) || placeholders.contains(placeholder);
    }

    String defaultTemplate() {
        return defaultTemplate;
    }

    static Optional<NotifiedEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type().equals(type)).findFirst();
    }

    static Optional<NotifiedEvent> ofKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
