package com.crmhub.crm.order;

import java.time.Instant;

/** The filters of the order list; every one is optional and they are AND-ed with the caller's scope on the deal. */
public record OrderFilter(OrderStatus status, Long dealId, Long accountId, Instant updatedSince) {
}
