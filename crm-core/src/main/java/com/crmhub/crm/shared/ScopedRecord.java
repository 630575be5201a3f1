package com.crmhub.crm.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A record that belongs to someone: its owner, the owner's team, and whether it is shared with every sales user.
 * {@link com.crmhub.crm.security.DataScope} decides visibility from these three fields alone.
 */
@MappedSuperclass
public abstract class ScopedRecord extends VersionedRecord implements ScopeAware {

    @Column(name = "owner_name", length = 100)
    private String owner;

    @Column(name = "team", length = 100)
    private String team;

    @Column(name = "shared", nullable = false)
    private boolean shared;

    @Override
    public ScopedRecord scopeRoot() {
        return this;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
    }

}
