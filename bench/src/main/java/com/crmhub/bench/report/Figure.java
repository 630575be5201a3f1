package com.crmhub.bench.report;

/**
 * One line of the benchmark's table.
 *
 * @param section which measurement (1 floor, 2 broker, 3 hub order to inventory, ...)
 * @param name    what was measured
 * @param value   the median over the rounds (or the single reading, for one-off figures)
 * @param unit    e.g. orders/s, ms, MB, × (a ratio)
 * @param target  the target as written, e.g. "≥ 1000", "< 100"; null when there is none
 * @param met     whether the target was met; null when there is none
 * @param note    rounds, spread, or what bounds the figure
 */
public record Figure(String section, String name, double value, String unit, String target, Boolean met,
                     String note) {

    public static Figure of(String section, String name, double value, String unit, String note) {
        return new Figure(section, name, value, unit, null, null, note);
    }

    /** A figure that should be at least {@code floor}. */
    public static Figure atLeast(String section, String name, double value, String unit, double floor, String note) {
        return new Figure(section, name, value, unit, "≥ " + format(floor), value >= floor, note);
    }

    /** A figure that should stay below {@code ceiling}. */
    public static Figure below(String section, String name, double value, String unit, double ceiling, String note) {
        return new Figure(section, name, value, unit, "< " + format(ceiling), value < ceiling, note);
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(java.util.Locale.ROOT, "%,.0f", value);
        }
        return String.format(java.util.Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
