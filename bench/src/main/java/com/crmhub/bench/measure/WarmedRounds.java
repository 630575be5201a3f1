package com.crmhub.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm-up rounds until the rate stops climbing, then the measured rounds, each rate printed as it comes. A hub on two
 * cores is still compiling its hot paths for a minute or more, so one fixed warm-up left its first measured rounds
 * slower than its last; only rounds after the JIT has settled count towards a figure's median.
 */
public final class WarmedRounds {

    /** A warm-up round at most this much faster than the one before it ends the warm-up. */
    static final double SETTLED = 1.10;
    /**
     * Warm-up rounds at most: a noisy machine must not keep the warm-up going, and the whole run must stay within ten
     * minutes. On two cores the hub's JIT is not done even then (it still compiled at the same pace after 90 s of
     * load), so the hub's figures stay a little below its steady state.
     */
    static final int MAX_WARM_UP = 3;
    /** The warm-up rule as a run's context line states it. */
    public static final String RULE = String.format(Locale.ROOT,
            "warm-up rounds that end once the rate climbs by %.0f %% or less (at most %d)", (SETTLED - 1) * 100,
            MAX_WARM_UP);

    private WarmedRounds() {
    }

    /** One round's work, numbered from 0 over warm-up and measured rounds. Returns its rate. */
    @FunctionalInterface
    public interface Round {
        double run(int round) throws Exception;
    }

    /** The measured rounds' rates (the warm-up's left out), labelled {@code "<label> round <n>: <rate> <unit>"}. */
    public static List<Double> rates(int measured, String label, String unit, Round round) throws Exception {
        int n = 0;
        double previous = Double.NaN;
        while (n < MAX_WARM_UP) {
            double rate = round.run(n++);
            System.out.printf(Locale.ROOT, "%s warm-up %d: %.0f %s%n", label, n, rate, unit);
            boolean settled = rate <= previous * SETTLED;
            previous = rate;
            if (settled) {
                break;
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int m = 1; m <= measured; m++) {
            double rate = round.run(n++);
            System.out.printf(Locale.ROOT, "%s round %d: %.0f %s%n", label, m, rate, unit);
            rates.add(rate);
        }
        return rates;
    }
}
