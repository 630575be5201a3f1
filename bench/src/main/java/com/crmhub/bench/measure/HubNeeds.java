package com.crmhub.bench.measure;

import java.util.Map;

/** What a load needs of the hub it runs on, merged into the {@link LoadHub}'s settings. */
public interface HubNeeds {

    /** Hub properties the load needs (an app, a form's limits, ...). */
    default Map<String, String> hubOverrides() {
        return Map.of();
    }

    /** Simulator properties the load needs (stock, ...). */
    default Map<String, String> simulatorOverrides() {
        return Map.of();
    }
}
