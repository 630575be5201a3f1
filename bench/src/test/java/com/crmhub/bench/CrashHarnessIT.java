package com.crmhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.bench.crash.CrashHarness;
import com.crmhub.bench.crash.CrashResult;
import com.crmhub.bench.crash.CrashSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The crash harness's small version (bench/run --crash runs the full one by hand): the hub's jar, the ERP and
 * finance simulators as processes; 250 deals won through one SIGKILL of the hub and one of the ERP; the audit from
 * the simulators' records and the hub's database must find every deal with exactly one ERP order and one invoice,
 * every notice and webhook applied once, and nothing left in the outbox or on a queue.
 */
class CrashHarnessIT {

    @Test
    void aHubKilledWhileDealsAreWonLosesAndDuplicatesNothing() throws Exception {
        BenchOptions options = BenchOptions.parse("--crash", "--deals", "250", "--kills", "1", "--seed", "7");
        BenchRun run = new BenchRun(BenchRun.rootFromSystem(), options);
        CrashSettings settings = new CrashSettings(250, 1, 1, 7, 8, Duration.ofMinutes(3));

        CrashResult result = new CrashHarness(run, settings, run.folder()).run();

        System.out.println(result.markdown());
        assertThat(result.violations()).as(result.markdown()).isEmpty();
    }
}
