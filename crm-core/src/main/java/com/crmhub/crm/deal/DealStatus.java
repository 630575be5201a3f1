package com.crmhub.crm.deal;

/** A deal is worked while OPEN and ends WON or LOST; closed deals are not reopened. */
public enum DealStatus {
    OPEN, WON, LOST
}
