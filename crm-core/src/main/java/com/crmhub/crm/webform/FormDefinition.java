package com.crmhub.crm.webform;

/** A form as the hub serves it: its key, its settings and where they come from ({@code version} counts API edits). */
public record FormDefinition(String key, FormSettings settings, FormOrigin origin, long version) {

    public boolean editable() {
        return origin == FormOrigin.API;
    }
}
