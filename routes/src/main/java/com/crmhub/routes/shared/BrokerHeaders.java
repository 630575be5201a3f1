package com.crmhub.routes.shared;

/** Message properties the broker itself acts on, set by every route that publishes to it. */
public final class BrokerHeaders {

    /** Artemis drops a second message with the same value: a re-sent message reaches consumers once. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Messages of one group go to one consumer at a time, in order: the group is the business key. */
    public static final String GROUP_ID = "JMSXGroupID";

    private BrokerHeaders() {
    }
}
