package com.crmhub.connectors.finance.simulator;

/** How the simulated finance system is down: not at all, answering every call with HTTP 503, or dropping the connection. */
public enum Outage {
    NONE, SERVICE_UNAVAILABLE, CLOSE_CONNECTION
}
