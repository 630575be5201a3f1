package com.crmhub.crm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A pipeline with its stages in order, as the API shows it. */
public record PipelineView(Long id, String name, boolean isDefault, List<StageView> stages, long version,
                           Instant createdAt, Instant updatedAt) {

    public record StageView(Long id, String name, int position, BigDecimal probability, boolean closed, boolean won,
                            Integer staleAfterDays) {

        static StageView of(Stage s) {
            return new StageView(s.getId(), s.getName(), s.getPosition(), s.getProbability(), s.isClosed(), s.isWon(),
                    s.getStaleAfterDays());
        }
    }

    static PipelineView of(Pipeline p) {
        return new PipelineView(p.getId(), p.getName(), p.isDefault(), p.getStages().stream().map(StageView::of).toList(),
                p.getVersion(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
