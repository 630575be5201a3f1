package com.crmhub.crm.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PipelineRulesTests {

    static PipelineRequests.StageDraft open(String name, int position, String probability) {
        return new PipelineRequests.StageDraft(name, position, new BigDecimal(probability), null, null, 14);
    }

    static PipelineRequests.StageDraft won(int position) {
        return new PipelineRequests.StageDraft("Won", position, BigDecimal.ONE, true, true, null);
    }

    static PipelineRequests.StageDraft lost(int position) {
        return new PipelineRequests.StageDraft("Lost", position, BigDecimal.ZERO, true, false, null);
    }

    static List<PipelineRequests.StageDraft> valid() {
        return new ArrayList<>(List.of(open("Qualify", 1, "0.1"), open("Propose", 2, "0.5"), won(3), lost(4)));
    }

    static void assertField(List<PipelineRequests.StageDraft> stages, String field) {
        assertThatThrownBy(() -> PipelineRules.check(stages))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void acceptsOpenStagesWithOneWonAndOneLostStage() {
        assertThatCode(() -> PipelineRules.check(valid())).doesNotThrowAnyException();
    }

    @Nested
    class ClosedStages {

        @Test
        void needExactlyOneWonStage() {
            List<PipelineRequests.StageDraft> stages = valid();
            stages.add(new PipelineRequests.StageDraft("Won again", 5, BigDecimal.ONE, true, true, null));
            assertField(stages, "stages");
            assertField(List.of(open("Qualify", 1, "0.1"), lost(2)), "stages");
        }

        @Test
        void needExactlyOneLostStage() {
            assertField(List.of(open("Qualify", 1, "0.1"), won(2)), "stages");
            List<PipelineRequests.StageDraft> stages = valid();
            stages.add(new PipelineRequests.StageDraft("Lost again", 5, BigDecimal.ZERO, true, null, null));
            assertField(stages, "stages");
        }

        @Test
        void aWonStageMustBeClosed() {
            List<PipelineRequests.StageDraft> stages = valid();
            stages.set(2, new PipelineRequests.StageDraft("Won", 3, BigDecimal.ONE, false, true, null));
            assertField(stages, "stages[2].won");
        }

        @Test
        void dealsNeedAnOpenStageToStartIn() {
            assertField(List.of(won(1), lost(2)), "stages");
        }
    }

    @Nested
    class Positions {

        @Test
        void mustBeUnique() {
            List<PipelineRequests.StageDraft> stages = valid();
            stages.set(1, open("Propose", 1, "0.5"));
            assertField(stages, "stages[1].position");
        }

        @Test
        void stageNamesMustBeUniqueToo() {
            List<PipelineRequests.StageDraft> stages = valid();
            stages.set(1, open("qualify", 2, "0.5"));
            assertField(stages, "stages[1].name");
        }
    }

    @Nested
    class Probabilities {

        @Test
        void mustLieBetweenZeroAndOne() {
            List<PipelineRequests.StageDraft> stages = valid();
            stages.set(0, open("Qualify", 1, "1.5"));
            assertField(stages, "stages[0].probability");
            stages.set(0, open("Qualify", 1, "-0.1"));
            assertField(stages, "stages[0].probability");
        }
    }

    @Test
    void aPipelineWithoutStagesIsRefused() {
        assertField(List.of(), "stages");
    }
}
