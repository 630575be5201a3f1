package com.crmhub.crm.order;

import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.ShipmentType;

/**
 * Where a CRM order stands in the ERP. PENDING_ERP until the ERP answers; then what it could reserve, or FAILED when
 * it refused the order; then what it shipped. SHIPPED and CANCELLED are final for the ERP; finance may take a
 * SHIPPED order on to INVOICED (its invoice issued) and PAID (fully paid). A partly shipped order keeps its status
 * while its shipments are invoiced, so that later shipment notices still apply.
 */
public enum OrderStatus {
    PENDING_ERP, RESERVED, PARTIALLY_RESERVED, BACKORDERED, FAILED, SHIPPED, PARTIALLY_SHIPPED, CANCELLED, INVOICED, PAID;

    public static OrderStatus of(ReservationStatus reservation) {
        return switch (reservation) {
            case RESERVED -> RESERVED;
            case PARTIALLY_RESERVED -> PARTIALLY_RESERVED;
            case BACKORDERED -> BACKORDERED;
        };
    }

    public static OrderStatus of(ShipmentType type) {
        return switch (type) {
            case SHIPPED -> SHIPPED;
            case PARTIALLY_SHIPPED -> PARTIALLY_SHIPPED;
            case CANCELLED -> CANCELLED;
        };
    }

    /**
     * The ERP may accept an order still waiting for it, one it refused before (edited and replayed), or one it accepted
     * already (a replay that reports the same order, possibly with a new reservation). Nothing before delivery started.
     */
    public boolean acceptsReservation() {
        return this == PENDING_ERP || this == FAILED || isReserved();
    }

    /** A refusal counts only while the ERP does not hold the order; once accepted, a late failure is stale. */
    public boolean acceptsFailure() {
        return this == PENDING_ERP || this == FAILED;
    }

    /** Shipment notices apply to an order the ERP holds and has not finished: reserved or partially shipped. */
    public boolean acceptsShipment() {
        return isReserved() || this == PARTIALLY_SHIPPED;
    }

    public boolean isReserved() {
        return this == RESERVED || this == PARTIALLY_RESERVED || this == BACKORDERED;
    }

    public boolean isFinal() {
        return this == SHIPPED || this == CANCELLED || this == INVOICED || this == PAID;
    }

    /** Only a completely shipped order becomes INVOICED; a repeated issue of an invoiced order changes nothing. */
    public boolean acceptsInvoice() {
        return this == SHIPPED;
    }

    /** Only an invoiced order becomes PAID. */
    public boolean acceptsPayment() {
        return this == INVOICED;
    }
}
