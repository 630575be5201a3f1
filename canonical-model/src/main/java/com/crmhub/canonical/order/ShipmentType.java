package com.crmhub.canonical.order;

/** What the ERP reports about an order's delivery. */
public enum ShipmentType {
    SHIPPED, PARTIALLY_SHIPPED, CANCELLED
}
