package com.crmhub.crm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountType;
import com.crmhub.crm.pipeline.Pipeline;
import com.crmhub.crm.pipeline.Stage;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DealTests {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    Pipeline pipeline;
    Stage qualify;
    Stage propose;
    Stage won;
    Stage lost;
    Deal deal;

    @BeforeEach
    void newDeal() {
        pipeline = new Pipeline("Standard");
        qualify = pipeline.addStage("Qualify", 1, new BigDecimal("0.1"), false, false, 14);
        propose = pipeline.addStage("Propose", 2, new BigDecimal("0.5"), false, false, null);
        won = pipeline.addStage("Won", 3, BigDecimal.ONE, true, true, null);
        lost = pipeline.addStage("Lost", 4, BigDecimal.ZERO, true, false, null);
        deal = new Deal(new Account(AccountType.COMPANY, "Acme", "acme"), pipeline, qualify, "Acme pumps", "CNY", T0);
    }

    static DealLine line(int no, String quantity, String unitPrice) {
        return new DealLine(no, "SKU-" + no, "Product " + no, new BigDecimal(quantity), new BigDecimal(unitPrice),
                new BigDecimal("0.13"));
    }

    static ConflictException conflict(Runnable action) {
        try {
            action.run();
        } catch (ConflictException e) {
            return e;
        }
        throw new AssertionError("expected a conflict");
    }

    @Test
    void startsOpenInItsStageWithNoAmount() {
        assertThat(deal.getStatus()).isEqualTo(DealStatus.OPEN);
        assertThat(deal.getStage()).isSameAs(qualify);
        assertThat(deal.getStageEnteredAt()).isEqualTo(T0);
        assertThat(deal.getAmount()).isEqualByComparingTo("0");
    }

    @Test
    void cannotStartInAClosedStage() {
        assertThatThrownBy(() -> new Deal(deal.getAccount(), pipeline, won, "x", "CNY", T0))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Nested
    class Amounts {

        @Test
        void amountIsTheSumOfQuantityTimesPriceRoundedOnce() {
            deal.replaceLines(List.of(line(1, "2.5", "100.00"), line(2, "0.333", "10.01"), line(3, "0.333", "10.01")));
            // 250 + 3.33333 + 3.33333 = 256.66666 -> 256.67 (rounding each line first would give 256.66)
            assertThat(deal.getAmount()).isEqualByComparingTo("256.67");
        }

        @Test
        void weightedAmountFollowsTheStageProbability() {
            deal.replaceLines(List.of(line(1, "3", "33.33")));
            assertThat(deal.weightedAmount()).isEqualByComparingTo("10.00"); // 99.99 x 0.1 = 9.999
            deal.moveTo(propose, T0.plusSeconds(1));
            assertThat(deal.weightedAmount()).isEqualByComparingTo("50.00"); // 49.995 rounds half up
        }

        @Test
        void replacingLinesRecomputes() {
            deal.replaceLines(List.of(line(1, "1", "10")));
            deal.replaceLines(List.of());
            assertThat(deal.getAmount()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class StageMoves {

        @Test
        void recordWhenTheStageWasEntered() {
            Instant later = T0.plus(Duration.ofDays(3));
            StageChange change = deal.moveTo(propose, later);
            assertThat(change.from()).isSameAs(qualify);
            assertThat(change.to()).isSameAs(propose);
            assertThat(deal.getStageEnteredAt()).isEqualTo(later);
        }

        @Test
        void toTheSameStageChangeNothing() {
            assertThat(deal.moveTo(qualify, T0.plusSeconds(60))).isNull();
            assertThat(deal.getStageEnteredAt()).isEqualTo(T0);
        }

        @Test
        void toAClosedStageAreRefusedInFavourOfWinAndLose() {
            assertThat(conflict(() -> deal.moveTo(won, T0)).properties()).containsEntry("currentStatus", DealStatus.OPEN);
        }

        @Test
        void toAnotherPipelinesStageAreInvalid() {
            Pipeline other = new Pipeline("Other");
            Stage foreign = other.addStage("Qualify", 1, BigDecimal.ZERO, false, false, null);
            assertThatThrownBy(() -> deal.moveTo(foreign, T0)).isInstanceOfSatisfying(InvalidFieldException.class,
                    e -> assertThat(e.field()).isEqualTo("stageId"));
        }
    }

    @Nested
    class Winning {

        @Test
        void needsALine() {
            assertThat(conflict(() -> deal.win(T0)).properties()).containsEntry("field", "lines");
            assertThat(deal.getStatus()).isEqualTo(DealStatus.OPEN);
        }

        @Test
        void movesToTheWonStage() {
            deal.replaceLines(List.of(line(1, "1", "10")));
            Instant at = T0.plusSeconds(3600);
            StageChange change = deal.win(at);
            assertThat(change.to()).isSameAs(won);
            assertThat(deal.getStatus()).isEqualTo(DealStatus.WON);
            assertThat(deal.getWonAt()).isEqualTo(at);
            assertThat(deal.getStageEnteredAt()).isEqualTo(at);
        }

        @Test
        void closesTheDealForGood() {
            deal.replaceLines(List.of(line(1, "1", "10")));
            deal.win(T0);
            assertThat(conflict(() -> deal.moveTo(propose, T0)).properties()).containsEntry("currentStatus", DealStatus.WON);
            conflict(() -> deal.lose("changed their mind", T0));
            conflict(() -> deal.win(T0));
            conflict(() -> deal.replaceLines(List.of()));
        }
    }

    @Nested
    class Losing {

        @Test
        void needsAReason() {
            assertThatThrownBy(() -> deal.lose(" ", T0)).isInstanceOfSatisfying(InvalidFieldException.class,
                    e -> assertThat(e.field()).isEqualTo("reason"));
        }

        @Test
        void movesToTheLostStage() {
            deal.lose("  price too high ", T0);
            assertThat(deal.getStage()).isSameAs(lost);
            assertThat(deal.getStatus()).isEqualTo(DealStatus.LOST);
            assertThat(deal.getLostReason()).isEqualTo("price too high");
            assertThat(deal.getLostAt()).isEqualTo(T0);
        }
    }

    @Nested
    class Staleness {

        @Test
        void aDealIsStaleAfterTheStagesLimit() {
            assertThat(deal.daysInStage(T0.plus(Duration.ofDays(14)))).isEqualTo(14);
            assertThat(deal.isStale(T0.plus(Duration.ofDays(14)))).isFalse();
            assertThat(deal.isStale(T0.plus(Duration.ofDays(15)))).isTrue();
        }

        @Test
        void stagesWithoutALimitNeverGoStale() {
            deal.moveTo(propose, T0);
            assertThat(deal.isStale(T0.plus(Duration.ofDays(400)))).isFalse();
        }

        @Test
        void closedDealsAreNotStale() {
            deal.lose("no budget", T0);
            assertThat(deal.isStale(T0.plus(Duration.ofDays(400)))).isFalse();
        }
    }
}
