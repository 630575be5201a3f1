package com.crmhub.crm.outboundemail;

/**
 * Where a mail to a contact stands. FAILED is not final: the last attempt failed in a way worth retrying (server
 * unreachable, a 4xx reply) and the broker will try again; DEAD_LETTERED is, until an operator replays it.
 */
public enum OutboundEmailStatus {
    QUEUED, FAILED, SENT, DEAD_LETTERED
}
