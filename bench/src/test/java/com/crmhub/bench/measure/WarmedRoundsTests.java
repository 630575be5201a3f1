package com.crmhub.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmedRoundsTests {

    @Test
    void aHubStillWarmingUpIsNotMeasuredUntilItsRateStopsClimbing() throws Exception {
        List<Integer> ran = new ArrayList<>();
        Iterator<Double> hub = List.of(22.0, 33.0, 35.0, 42.0, 40.0).iterator();

        List<Double> measured = WarmedRounds.rates(2, "orders", "orders/s", round -> {
            ran.add(round);
            return hub.next();
        });

        // 33 climbed by more than a tenth; 35 did not, so it is the last warm-up round.
        assertThat(measured).containsExactly(42.0, 40.0);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aSteadyRateIsMeasuredAfterTwoWarmUpRounds() throws Exception {
        Iterator<Double> floor = List.of(130.0, 128.0, 131.0, 127.0, 129.0).iterator();

        assertThat(WarmedRounds.rates(3, "floor", "orders/s", round -> floor.next()))
                .containsExactly(131.0, 127.0, 129.0);
    }

    @Test
    void aRateThatKeepsClimbingEndsTheWarmUpAfterItsLimit() throws Exception {
        Iterator<Double> noisy = List.of(10.0, 20.0, 40.0, 80.0, 160.0).iterator();

        assertThat(WarmedRounds.rates(2, "broker", "messages/s", round -> noisy.next()))
                .containsExactly(80.0, 160.0);
    }
}
