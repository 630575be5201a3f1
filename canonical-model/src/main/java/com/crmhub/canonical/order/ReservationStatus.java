package com.crmhub.canonical.order;

/** How much of an order the ERP could reserve from stock. */
public enum ReservationStatus {
    RESERVED, PARTIALLY_RESERVED, BACKORDERED
}
