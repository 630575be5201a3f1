package com.crmhub.bench.measure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and spreads of repeated rounds. */
public final class Stats {

    private Stats() {
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** "n rounds, min–max", for a figure's note. */
    public static String spread(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no rounds";
        }
        return String.format(Locale.ROOT, "%d rounds, %s–%s", sorted.length,
                com.crmhub.bench.report.Figure.format(sorted[0]),
                com.crmhub.bench.report.Figure.format(sorted[sorted.length - 1]));
    }

    public static String rounds(double... values) {
        return Arrays.toString(values);
    }
}
