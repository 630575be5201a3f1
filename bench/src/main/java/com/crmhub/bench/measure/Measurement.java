package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.report.Results;

/** One numbered measurement of the benchmark; it starts and stops whatever it needs itself. */
public interface Measurement {

    /** The name {@code --only} selects it by. */
    String name();

    void run(BenchRun run, Results results) throws Exception;
}
