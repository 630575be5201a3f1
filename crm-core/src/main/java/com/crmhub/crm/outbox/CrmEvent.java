package com.crmhub.crm.outbox;

/** A business event of the CRM core; past-tense record names ({@code DealWon}) become the message type on the broker. */
public interface CrmEvent {

    /** The kind of record the event is about: {@code lead}, {@code account}, {@code deal}. */
    String aggregateType();

    /** The record's id; events of one record are delivered in the order they were written. */
    Object aggregateId();
}
