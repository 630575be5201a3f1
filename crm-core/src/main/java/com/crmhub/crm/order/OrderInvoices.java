package com.crmhub.crm.order;

import java.util.List;

/**
 * The invoices of an order, for the order view. Implemented by the invoicing capability, which depends on orders, so
 * the order package names only this interface and stays free of invoicing.
 */
public interface OrderInvoices {

    List<OrderInvoiceView> ofOrder(long orderId);
}
