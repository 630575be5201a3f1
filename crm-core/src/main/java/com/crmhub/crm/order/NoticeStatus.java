package com.crmhub.crm.order;

/** A stored shipment notice: APPLIED to its order, or PARKED until an operator re-applies it. */
public enum NoticeStatus {
    APPLIED, PARKED
}
