package com.crmhub.connectors.erp;

import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailability;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailabilityResponse;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.LineResult;
import com.crmhub.connectors.erp.generated.salesorders.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Canonical orders to the ERP's sales-order messages and back. Pure and stateless; package-private so the generated
 * types stay inside the connector. Fields are named as the ERP names them ({@code line[n].sku}, n counting from 1 like
 * XPath), so a rejection reads the same whether the hub or the ERP found the problem.
 */
final class ErpSalesOrderMapper {

    static final int QUANTITY_SCALE = 3;
    static final int PRICE_SCALE = 2;

    private final DatatypeFactory datatypes = DatatypeFactory.newDefaultInstance();

    CreateSalesOrder toCreateSalesOrder(SalesOrder order) {
        CreateSalesOrder request = new CreateSalesOrder();
        request.setExternalRef(required(order.orderId(), "externalRef"));
        request.setCustomer(toCustomer(order.customer()));
        request.setCurrency(required(order.currency(), "currency"));
        request.setRequestedDate(toDate(order.requestedDate()));
        if (order.lines().isEmpty()) {
            throw new ErpRejectedException("MISSING_FIELD", "line", "an order needs at least one line");
        }
        for (int i = 0; i < order.lines().size(); i++) {
            request.getLine().add(toOrderLine(order.lines().get(i), "line[" + (i + 1) + "]"));
        }
        return request;
    }

    CheckAvailability toCheckAvailability(List<String> skus) {
        if (skus == null || skus.isEmpty()) {
            throw new ErpRejectedException("MISSING_FIELD", "sku", "ask for at least one SKU");
        }
        CheckAvailability request = new CheckAvailability();
        for (int i = 0; i < skus.size(); i++) {
            request.getSku().add(required(skus.get(i), "sku[" + (i + 1) + "]"));
        }
        return request;
    }

    GetSalesOrder byExternalRef(String externalRef) {
        GetSalesOrder request = new GetSalesOrder();
        request.setExternalRef(externalRef);
        return request;
    }

    OrderAccepted toOrderAccepted(String orderId, CreateSalesOrderResponse response, Instant occurredAt) {
        return new OrderAccepted(orderId, response.getErpOrderNo(), toStatus(response.getReservationStatus()),
                toReservations(response.getLineResult()), false, occurredAt);
    }

    /**
     * The order the ERP already had, read back after a DuplicateOrderFault: always {@code duplicate=true}; the number
     * from the fault stands in if the ERP's answer lacks one.
     */
    OrderAccepted toDuplicateAccepted(String orderId, GetSalesOrderResponse existing, String numberFromFault,
                                      Instant occurredAt) {
        String erpOrderNo = existing.getErpOrderNo() == null || existing.getErpOrderNo().isBlank()
                ? numberFromFault : existing.getErpOrderNo();
        return new OrderAccepted(orderId, erpOrderNo, toStatus(existing.getReservationStatus()),
                toReservations(existing.getLineResult()), true, occurredAt);
    }

    List<StockLevel> toStockLevels(CheckAvailabilityResponse response) {
        return response.getItem().stream()
                .map(item -> new StockLevel(item.getSku(), item.getOnHand(), item.getReserved(), item.getAvailable()))
                .toList();
    }

    private com.crmhub.connectors.erp.generated.salesorders.Customer toCustomer(Customer customer) {
        var erpCustomer = new com.crmhub.connectors.erp.generated.salesorders.Customer();
        erpCustomer.setCode(required(customer.code(), "customer.code"));
        erpCustomer.setName(required(customer.name(), "customer.name"));
        erpCustomer.setTaxId(blankToNull(customer.taxId()));
        erpCustomer.setAddress(blankToNull(customer.address()));
        return erpCustomer;
    }

    private OrderLine toOrderLine(SalesOrderLine line, String field) {
        OrderLine erpLine = new OrderLine();
        erpLine.setLineNo(line.lineNo());
        erpLine.setSku(required(line.sku(), field + ".sku"));
        erpLine.setQuantity(decimal(line.quantity(), QUANTITY_SCALE, field + ".quantity"));
        erpLine.setUnitPrice(decimal(line.unitPrice(), PRICE_SCALE, field + ".unitPrice"));
        return erpLine;
    }

    /**
     * The ERP takes at most {@code maxScale} fraction digits; rounding would change an amount behind the user's back,
     * so more digits are a rejection. Trailing zeros beyond the scale are harmless and dropped.
     */
    private static BigDecimal decimal(BigDecimal value, int maxScale, String field) {
        if (value == null) {
            throw new ErpRejectedException("MISSING_FIELD", field, field + " is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > maxScale) {
            throw new ErpRejectedException("TOO_MANY_DECIMALS", field,
                    field + " has more than " + maxScale + " fraction digits: " + value.toPlainString());
        }
        return value.scale() > maxScale ? stripped.setScale(maxScale) : value.setScale(Math.max(value.scale(), 0));
    }

    private XMLGregorianCalendar toDate(LocalDate date) {
        if (date == null) {
            return null;
        }
        return datatypes.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static ReservationStatus toStatus(
            com.crmhub.connectors.erp.generated.salesorders.ReservationStatus status) {
        return status == null ? null : ReservationStatus.valueOf(status.value());
    }

    private static List<LineReservation> toReservations(List<LineResult> results) {
        return results.stream()
                .map(r -> new LineReservation(r.getLineNo(), r.getSku(), r.getOrderedQuantity(),
                        r.getReservedQuantity()))
                .toList();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ErpRejectedException("MISSING_FIELD", field, field + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
