package com.crmhub.bench.crash;

import com.crmhub.bench.BenchOptions;
import java.time.Duration;

/**
 * One crash run's shape.
 *
 * @param deals         deals won in all
 * @param hubKills      SIGKILLs of the hub (during the wins and, from two on, while the flows settle)
 * @param erpKills      SIGKILLs of the ERP simulator, restarted in the background
 * @param seed          the random seed: when to kill, deal sizes; printed so a run can be repeated
 * @param clients       concurrent API clients winning deals
 * @param settleTimeout how long the flows may take to settle after the last kill before the run fails
 */
public record CrashSettings(int deals, int hubKills, int erpKills, long seed, int clients, Duration settleTimeout) {

    static final int DEFAULT_DEALS = 2000;

    public CrashSettings {
        if (deals < 10 || hubKills < 1 || erpKills < 0 || clients < 1) {
            throw new IllegalArgumentException("at least 10 deals, 1 hub kill and 1 client");
        }
    }

    private static int deals(BenchOptions options) {
        return options.deals() == 0 ? DEFAULT_DEALS : options.deals();
    }

    public static CrashSettings of(BenchOptions options) {
        return new CrashSettings(deals(options), options.kills(), 1,
                options.seed(), 8, Duration.ofMinutes(5).plusMillis(300L * deals(options)));
    }
}
