package com.crmhub.crm.order;

/**
 * What a change did to an order's status; {@code from} equals {@code to} when only other fields changed (a new
 * reservation for the same status, a second partial shipment). Only real status changes go into the history.
 */
public record OrderTransition(OrderStatus from, OrderStatus to) {

    public boolean changesStatus() {
        return from != to;
    }
}
