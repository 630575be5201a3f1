package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.ErpProperties;

/** What the simulated ERP demands of its callers right now. */
record AuthRequirement(ErpProperties.Auth auth, String username, String password) {

    static final AuthRequirement NONE = new AuthRequirement(ErpProperties.Auth.NONE, null, null);

    AuthRequirement {
        if (auth != ErpProperties.Auth.NONE && (username == null || password == null)) {
            throw new IllegalArgumentException(auth + " needs a username and a password");
        }
    }

    @Override
    public String toString() {
        return "AuthRequirement[" + auth + ", username=" + username + "]";
    }
}
