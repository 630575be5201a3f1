package com.crmhub.connectors.messaging.simulator;

import java.time.Instant;

/** One call the simulated APIs answered: when, which API, and the errcode of the answer (0 for success). */
public record ApiCall(Instant at, SimulatedApi api, int errcode) {
}
