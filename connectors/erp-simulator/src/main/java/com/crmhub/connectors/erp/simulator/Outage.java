package com.crmhub.connectors.erp.simulator;

/** How the simulated ERP is down: not at all, answering every call with HTTP 503, or dropping the connection. */
public enum Outage {
    NONE, SERVICE_UNAVAILABLE, CLOSE_CONNECTION
}
