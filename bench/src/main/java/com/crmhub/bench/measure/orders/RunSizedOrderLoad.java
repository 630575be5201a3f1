package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.LoadOnHub;
import com.crmhub.bench.report.Figure;
import java.util.List;
import java.util.Map;

/**
 * Order to inventory (3) as growth (7) reruns it: sized by the run's {@code --deals} and {@code --rounds}
 * when it runs, with a fresh {@link OrderToInventoryLoad} (its own accounts) on each hub.
 */
public final class RunSizedOrderLoad implements LoadOnHub {

    @Override
    public List<Figure> measureOn(BenchRun run, BenchRun.HubWithSimulators env, String variant) throws Exception {
        int deals = run.options().dealsOr(OrderToInventory.DEFAULT_DEALS);
        return new OrderToInventoryLoad(deals, run.options().rounds()).measureOn(run, env, variant);
    }

    @Override
    public String section() {
        return OrderToInventoryLoad.SECTION;
    }

    @Override
    public Map<String, String> simulatorOverrides() {
        return OrderToInventoryLoad.ERP_STOCK;
    }
}
