package com.crmhub.connectors.finance.simulator;

/**
 * How the simulator spoils the webhook deliveries it sends from now on, so that tests see the hub refuse them (401) and
 * the simulator keep retrying: none, a signature made with another secret, or a timestamp ten minutes old.
 */
public enum WebhookFault {
    NONE, BAD_SIGNATURE, STALE_TIMESTAMP
}
