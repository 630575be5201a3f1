package com.crmhub.crm.deal;

import com.crmhub.crm.outbox.CrmEvent;
import java.time.Instant;

/** A deal moved to another stage: by a stage move, or by being won or lost (then followed by DealWon or DealLost). */
public record DealStageChanged(long dealId, long pipelineId, long fromStageId, String fromStageName, long toStageId,
                               String toStageName, DealStatus status, Instant changedAt) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "deal";
    }

    @Override
    public Object aggregateId() {
        return dealId;
    }
}
