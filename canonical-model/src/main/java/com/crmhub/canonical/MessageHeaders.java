package com.crmhub.canonical;

/** Names of the broker message properties that accompany an {@link Envelope}, so routes can filter without parsing. */
public final class MessageHeaders {

    public static final String MESSAGE_ID = "hubMessageId";
    public static final String TYPE = "hubType";
    public static final String BUSINESS_KEY = "hubBusinessKey";
    public static final String CORRELATION_ID = "hubCorrelationId";
    public static final String SOURCE_SYSTEM = "hubSourceSystem";

    private MessageHeaders() {
    }
}
