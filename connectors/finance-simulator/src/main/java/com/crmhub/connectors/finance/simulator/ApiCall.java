package com.crmhub.connectors.finance.simulator;

import java.time.Instant;

/** One request the simulated finance API answered: when, what, under which Idempotency-Key, and with which status. */
public record ApiCall(Instant at, String method, String path, String idempotencyKey, int status) {
}
