package com.crmhub.bench;

import com.crmhub.bench.process.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The harness's command line.
 *
 * @param database H2 (default) or the local PostgreSQL
 * @param crash    run the crash harness instead of the benchmark
 * @param deals    deals per round (benchmark) or in all (crash harness); 0 = the mode's default
 * @param kills    hub kills in the crash harness (the ERP is killed once besides)
 * @param rounds   measured rounds after the warm-up; figures are their median
 * @param only     measurements to run (their names), empty = all
 * @param seed     the crash harness's random seed (when to kill, deal sizes); a run is repeated with its seed
 */
public record BenchOptions(Database.Kind database, boolean crash, int deals, int kills, int rounds,
                           List<String> only, long seed) {

    static final String USAGE = """
            bench/run [--db h2|postgres] [--rounds N] [--deals N] [--only name,name]   the benchmark
            bench/run --crash [--db h2|postgres] [--deals N] [--kills N] [--seed N]   the crash harness
            """;

    public static BenchOptions parse(String... args) {
        Database.Kind database = Database.Kind.H2;
        boolean crash = false;
        int deals = 0;
        int kills = 3;
        int rounds = 3;
        List<String> only = new ArrayList<>();
        long seed = System.currentTimeMillis();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> database = Database.Kind.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                case "--crash" -> crash = true;
                case "--deals" -> deals = Integer.parseInt(value(args, ++i));
                case "--kills" -> kills = Integer.parseInt(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--only" -> only.addAll(List.of(value(args, ++i).split(",")));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (rounds < 1 || deals < 0 || kills < 1) {
            throw new IllegalArgumentException("rounds and kills must be at least 1, deals not negative\n" + USAGE);
        }
        return new BenchOptions(database, crash, deals, kills, rounds, List.copyOf(only), seed);
    }

    /** {@code --deals} if given, else the measurement's own size. */
    public int dealsOr(int measurementDefault) {
        return deals > 0 ? deals : measurementDefault;
    }

    public boolean runs(String measurement) {
        return only.isEmpty() || only.contains(measurement);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
