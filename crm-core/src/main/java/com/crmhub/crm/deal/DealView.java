package com.crmhub.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as the API shows it, with what a pipeline board needs: stage name and probability, amount and the amount
 * weighted by that probability, and how long the deal has sat in its stage ({@code stale} when longer than the stage
 * allows).
 */
public record DealView(Long id, String name, Long accountId, String accountName, Long contactId, String contactName,
                       Long pipelineId, String pipelineName, Long stageId, String stageName, BigDecimal probability,
                       DealStatus status, String currency, BigDecimal amount, BigDecimal weightedAmount,
                       BigDecimal estimatedAmount, LocalDate expectedCloseDate, Instant stageEnteredAt, long daysInStage,
                       boolean stale, Instant wonAt, Instant lostAt, String lostReason, List<LineView> lines,
                       String owner, String team, long version, Instant createdAt, Instant updatedAt) {

    public record LineView(int lineNo, String sku, String productName, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal taxRate, BigDecimal amount) {

        static LineView of(DealLine l) {
            return new LineView(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(), l.taxRate(),
                    l.amount());
        }
    }

    static DealView of(Deal d, Instant now) {
        return new DealView(d.getId(), d.getName(), d.getAccount().getId(), d.getAccount().getName(),
                d.getContact() == null ? null : d.getContact().getId(),
                d.getContact() == null ? null : d.getContact().getName(),
                d.getPipeline().getId(), d.getPipeline().getName(), d.getStage().getId(), d.getStage().getName(),
                d.getStage().getProbability(), d.getStatus(), d.getCurrency(), d.getAmount(), d.weightedAmount(),
                d.getEstimatedAmount(), d.getExpectedCloseDate(), d.getStageEnteredAt(), d.daysInStage(now),
                d.isStale(now), d.getWonAt(), d.getLostAt(), d.getLostReason(),
                d.getLines().stream().map(LineView::of).toList(), d.getOwner(), d.getTeam(), d.getVersion(),
                d.getCreatedAt(), d.getUpdatedAt());
    }
}
