package com.crmhub.crm.order;

import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.ExternalRef;
import com.crmhub.crm.deal.Deal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A CRM order as the canonical {@link SalesOrder} the ERP flow sends. Pure: reads the order, its deal and its account
 * (loaded by the caller) and nothing else.
 */
public final class OrderSalesOrderMapper {

    /** The external-reference system whose id is the account's ERP customer code. */
    public static final String ERP_SYSTEM = "erp";

    private OrderSalesOrderMapper() {
    }

    public static SalesOrder toSalesOrder(Order order) {
        Deal deal = order.getDeal();
        List<SalesOrderLine> lines = order.getLines().stream()
                .map(l -> new SalesOrderLine(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(),
                        l.taxRate()))
                .toList();
        return new SalesOrder(order.getExternalRef(), String.valueOf(deal.getId()), customer(order.getAccount()),
                order.getCurrency(), deal.getExpectedCloseDate(), lines);
    }

    /**
     * The customer's ERP code when the ERP has numbered it (the smallest, should there be several), else
     * {@code CRM-<accountId>}; the address is province and city, when known.
     */
    public static Customer customer(Account account) {
        String code = account.getExternalRefs().stream()
                .filter(r -> ERP_SYSTEM.equalsIgnoreCase(r.system()))
                .map(ExternalRef::externalId)
                .filter(id -> id != null && !id.isBlank())
                .min(Comparator.naturalOrder())
                .orElse("CRM-" + account.getId());
        return new Customer(code, account.getName(), blankToNull(account.getCreditCode()),
                address(account.getProvince(), account.getCity()));
    }

    static String address(String province, String city) {
        String joined = Stream.of(province, city)
                .map(OrderSalesOrderMapper::blankToNull)
                .filter(s -> s != null)
                .map(String::trim)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
