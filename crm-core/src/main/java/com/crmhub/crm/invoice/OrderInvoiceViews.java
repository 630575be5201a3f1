package com.crmhub.crm.invoice;

import com.crmhub.crm.order.OrderInvoiceView;
import com.crmhub.crm.order.OrderInvoices;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The invoices of an order with their payments, for the order view (which checked the scope already). */
@Component
@Transactional(readOnly = true)
class OrderInvoiceViews implements OrderInvoices {

    private final CustomerInvoiceRepository invoices;
    private final FinanceEvents events;

    OrderInvoiceViews(CustomerInvoiceRepository invoices, FinanceEvents events) {
        this.invoices = invoices;
        this.events = events;
    }

    @Override
    public List<OrderInvoiceView> ofOrder(long orderId) {
        return invoices.findByOrderIdOrderByIdAsc(orderId).stream()
                .map(i -> new OrderInvoiceView(i.getInvoiceKey(), i.getFinanceInvoiceId(), i.getInvoiceNumber(),
                        i.getStatus().name(), i.getCurrency(), i.getNetAmount(), i.getTaxAmount(), i.getGrossAmount(),
                        i.getPaidAmount(), i.outstanding(), i.getRejectReason(), i.getRequestedAt(), i.getIssuedAt(),
                        events.payments(i.getInvoiceKey())))
                .toList();
    }
}
