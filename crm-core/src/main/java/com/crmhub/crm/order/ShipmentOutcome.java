package com.crmhub.crm.order;

/**
 * What became of a shipment notice: APPLIED to its order, a DUPLICATE of one received before (no effect), or PARKED
 * for an operator (its order is unknown, or cannot take it). Every outcome means the notice is stored: acknowledge it.
 */
public enum ShipmentOutcome {
    APPLIED, DUPLICATE, PARKED
}
