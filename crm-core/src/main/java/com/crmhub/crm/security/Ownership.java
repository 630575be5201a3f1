package com.crmhub.crm.security;

import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.ScopedRecord;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may own what: SALES assign records to themselves, MANAGER within their team, ADMIN and INTEGRATION to anyone.
 * The record's team always follows its owner, so that a manager's scope moves with reassignment.
 */
@Component
public class Ownership {

    private final CurrentUser currentUser;
    private final UserDirectory directory;

    public Ownership(CurrentUser currentUser, UserDirectory directory) {
        this.currentUser = currentUser;
        this.directory = directory;
    }

    /** Sets owner and team on a record; {@code requested} null means the caller (or no owner, for machine clients). */
    public void assign(ScopedRecord record, String requested) {
        HubUser caller = currentUser.require();
        String ownerName = requested != null ? requested
                : caller.has(Role.INTEGRATION) && !caller.has(Role.ADMIN) ? null : caller.name();
        if (ownerName == null) {
            record.setOwner(null);
            return;
        }
        HubUser owner = directory.find(ownerName)
                .orElseThrow(() -> new InvalidFieldException("owner", "unknown user '" + ownerName + "'"));
        if (!mayAssignTo(caller, owner)) {
            throw new InvalidFieldException("owner", "you may not assign records to '" + ownerName + "'");
        }
        record.setOwner(owner.name());
        record.setTeam(owner.team());
    }

    /**
     * Sharing widens who sees a record, so only its owner, the owner's manager, an admin or an integration may switch
     * it; a salesperson who sees a record only because it is shared cannot un-share it from everyone else.
     */
    public void requireMayChangeSharing(ScopedRecord record) {
        HubUser caller = currentUser.require();
        boolean allowed = caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION)
                || caller.name().equals(record.getOwner())
                || caller.has(Role.MANAGER) && caller.team() != null && caller.team().equals(record.getTeam());
        if (!allowed) {
            throw new InvalidFieldException("shared", "only the owner, their manager or an admin may change sharing");
        }
    }

    private static boolean mayAssignTo(HubUser caller, HubUser owner) {
        if (caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION)) {
            return true;
        }
        if (caller.has(Role.MANAGER)) {
            return caller.team() != null && Objects.equals(caller.team(), owner.team()) || caller.name().equals(owner.name());
        }
        return caller.name().equals(owner.name());
    }
}
