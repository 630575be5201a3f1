package com.crmhub.routes.notification;

import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.invoice.InvoiceIssued;
import com.crmhub.crm.invoice.InvoiceRejected;
import com.crmhub.crm.lead.LeadAction;
import com.crmhub.crm.lead.LeadAssigned;
import com.crmhub.crm.order.OrderBackordered;
import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the values a notification text can show from each notified CRM event. Stateless and pure: missing values
 * become empty strings, amounts show the currency's minor unit, times are written in the configured zone.
 */
final class CrmEventNotificationMapper {

    private final DateTimeFormatter time;

    CrmEventNotificationMapper(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    NotificationSubject subject(String eventId, String businessKey, CrmEvent event) {
        if (event instanceof LeadAssigned lead) {
            return new NotificationSubject(NotifiedEvent.LEAD_ASSIGNED, eventId, businessKey, lead.owner(), null,
                    fields("leadId", lead.leadId(),
                            "leadName", lead.leadName(),
                            "companyName", lead.companyName(),
                            "action", lead.action() == LeadAction.CLAIM ? "认领" : "分配",
                            "assignedAt", at(lead.assignedAt())));
        }
        if (event instanceof DealWon won) {
            return new NotificationSubject(NotifiedEvent.DEAL_WON, eventId, businessKey, won.owner(), won.dealId(),
                    fields("dealId", won.dealId(),
                            "dealName", won.dealName(),
                            "accountName", won.accountName(),
                            "contactName", won.contactName(),
                            "amount", money(won.amount(), won.currency()),
                            "currency", won.currency(),
                            "wonAt", at(won.wonAt())));
        }
        if (event instanceof OrderBackordered backordered) {
            return new NotificationSubject(NotifiedEvent.ORDER_BACKORDERED, eventId, businessKey, backordered.owner(),
                    backordered.dealId(),
                    fields("orderId", backordered.orderId(),
                            "dealId", backordered.dealId(),
                            "erpOrderNo", backordered.erpOrderNo(),
                            "missing", missing(backordered)));
        }
        if (event instanceof InvoiceIssued issued) {
            // The only one without an owner: the deal's owner is looked up by its id.
            return new NotificationSubject(NotifiedEvent.INVOICE_ISSUED, eventId, businessKey, null, issued.dealId(),
                    fields("orderId", issued.orderId(),
                            "dealId", issued.dealId(),
                            "invoiceKey", issued.invoiceKey(),
                            "invoiceNumber", issued.invoiceNumber(),
                            "grossAmount", money(issued.grossAmount(), issued.currency()),
                            "currency", issued.currency()));
        }
        if (event instanceof InvoiceRejected rejected) {
            return new NotificationSubject(NotifiedEvent.INVOICE_REJECTED, eventId, businessKey, rejected.owner(),
                    rejected.dealId(),
                    fields("orderId", rejected.orderId(),
                            "dealId", rejected.dealId(),
                            "invoiceKey", rejected.invoiceKey(),
                            "reason", rejected.reason()));
        }
        throw new IllegalArgumentException("no notifications for " + event.getClass().getSimpleName());
    }

    /** "VALVE-50 × 4（已预留 0）、PUMP-1 × 2（已预留 1）": what the ERP could not reserve, line by line. */
    private static String missing(OrderBackordered backordered) {
        return backordered.lines().stream()
                .filter(l -> l.reservedQuantity() == null || l.reservedQuantity().compareTo(l.quantity()) < 0)
                .map(l -> l.sku() + " × " + plain(l.quantity()) + "（已预留 "
                        + plain(l.reservedQuantity() == null ? BigDecimal.ZERO : l.reservedQuantity()) + "）")
                .collect(Collectors.joining("、"));
    }

    private String at(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /**
     * In the currency's minor unit (1000.00 CNY): the event's amount may arrive as 1000.0, since the broker's JSON
     * is read into a tree of doubles first.
     */
    private static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> fields(Object... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            fields.put((String) namesAndValues[i], value == null ? "" : value.toString());
        }
        return fields;
    }
}
