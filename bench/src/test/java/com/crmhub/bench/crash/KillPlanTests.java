package com.crmhub.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KillPlanTests {

    @Test
    void aSeedGivesTheSameKillsAgain() {
        assertThat(KillPlan.draw(new Random(42), 2000, 3, 1)).isEqualTo(KillPlan.draw(new Random(42), 2000, 3, 1));
    }

    @Test
    void threeHubKillsAreTwoDuringTheWinsAndOneWhileSettlingAndTheErpIsKilledDuringTheWins() {
        KillPlan plan = KillPlan.draw(new Random(1), 2000, 3, 1);

        assertThat(plan.kills()).filteredOn(k -> k.target() == KillPlan.Target.HUB).hasSize(3);
        assertThat(plan.kills()).filteredOn(k -> k.target() == KillPlan.Target.HUB && !k.duringWins()).hasSize(1);
        assertThat(plan.kills()).filteredOn(k -> k.target() == KillPlan.Target.ERP)
                .singleElement().matches(KillPlan.Kill::duringWins);
        assertThat(plan.kills()).filteredOn(KillPlan.Kill::duringWins)
                .allSatisfy(k -> assertThat(k.atWins()).isBetween(200, 1800));
        assertThat(plan.kills().get(plan.kills().size() - 1).duringWins()).isFalse();
    }

    @Test
    void oneHubKillFallsDuringTheWins() {
        KillPlan plan = KillPlan.draw(new Random(7), 250, 1, 1);

        assertThat(plan.kills()).hasSize(2).allMatch(KillPlan.Kill::duringWins);
    }
}
