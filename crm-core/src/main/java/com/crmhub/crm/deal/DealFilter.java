package com.crmhub.crm.deal;

import java.time.Instant;

/** The filters of the deal list; every one is optional and they are AND-ed with the caller's data scope. */
public record DealFilter(String owner, DealStatus status, Long stageId, Long pipelineId, Long accountId, String q,
                         Instant updatedSince) {
}
