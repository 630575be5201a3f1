package com.crmhub.bench.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When the harness kills what, drawn from the run's seed: most hub kills while deals are being won (so requests,
 * outbox relays, ERP calls, shipment notices and webhooks are all in flight), the rest a few seconds after the last
 * win while the flows settle; the ERP once, during the wins.
 */
record KillPlan(List<Kill> kills) {

    enum Target { HUB, ERP }

    /**
     * @param target   what is killed
     * @param atWins   during the wins: once this many deals are won; -1 while settling
     * @param afterWins while settling: this long after the last win
     */
    record Kill(Target target, int atWins, Duration afterWins) {

        boolean duringWins() {
            return atWins >= 0;
        }

        String moment() {
            return duringWins() ? "after " + atWins + " wins" : afterWins.toMillis() + " ms after the last win";
        }
    }

    static KillPlan draw(Random random, int deals, int hubKills, int erpKills) {
        int settling = hubKills == 1 ? 0 : Math.max(1, hubKills / 3);
        List<Kill> duringWins = new ArrayList<>();
        for (int i = 0; i < hubKills - settling; i++) {
            duringWins.add(new Kill(Target.HUB, between(random, deals / 10, deals * 9 / 10), null));
        }
        for (int i = 0; i < erpKills; i++) {
            duringWins.add(new Kill(Target.ERP, between(random, deals / 10, deals * 9 / 10), null));
        }
        duringWins.sort(Comparator.comparingInt(Kill::atWins));
        List<Kill> all = new ArrayList<>(duringWins);
        for (int i = 0; i < settling; i++) {
            all.add(new Kill(Target.HUB, -1, Duration.ofMillis(500 + random.nextInt(3500))));
        }
        return new KillPlan(List.copyOf(all));
    }

    private static int between(Random random, int from, int to) {
        return from + random.nextInt(Math.max(1, to - from));
    }
}
