package com.crmhub.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A warm-up round, then the measured rounds, each rate printed as it comes: the JIT and the caches settle in the
 * warm-up, so only the rounds after it count towards a figure's median.
 */
public final class WarmedRounds {

    private WarmedRounds() {
    }

    /** One round's work; {@code round} 0 is the warm-up. Returns its rate. */
    @FunctionalInterface
    public interface Round {
        double run(int round) throws Exception;
    }

    /** The measured rounds' rates (the warm-up's left out), labelled {@code "<label> round <n>: <rate> <unit>"}. */
    public static List<Double> rates(int measured, String label, String unit, Round round) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int n = 0; n <= measured; n++) {
            double rate = round.run(n);
            System.out.printf(Locale.ROOT, "%s round %d: %.0f %s%n", label, n, rate, unit);
            if (n > 0) {
                rates.add(rate);
            }
        }
        return rates;
    }
}
