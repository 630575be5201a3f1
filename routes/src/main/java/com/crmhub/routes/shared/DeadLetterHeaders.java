package com.crmhub.routes.shared;

/** Message properties a dead letter carries besides the original message's own. */
public final class DeadLetterHeaders {

    public static final String ID = "hubDeadLetterId";
    public static final String FLOW = "hubFlow";
    public static final String REASON = "hubDeadLetterReason";
    public static final String ATTEMPTS = "hubAttempts";
    public static final String FIRST_FAILURE = "hubFirstFailure";
    public static final String LAST_FAILURE = "hubLastFailure";
    public static final String REPLAYS = "hubReplays";
    /** Failed deliveries of a message before it was deferred and sent again (see {@link DeferredDeliveries}). */
    public static final String PRIOR_ATTEMPTS = "hubPriorAttempts";

    private DeadLetterHeaders() {
    }
}
