package com.crmhub.crm.lead;

import com.crmhub.crm.shared.ConflictException;
import java.util.Map;
import java.util.Optional;

/**
 * The lead lifecycle as a pure function of (status, action): NEW -> ASSIGNED or IN_POOL; IN_POOL -> ASSIGNED (claim or
 * assign); ASSIGNED or WORKING -> IN_POOL (release); ASSIGNED -> WORKING -> QUALIFIED -> CONVERTED; every open status
 * -> DISQUALIFIED. CONVERTED and DISQUALIFIED are final: nothing, not even an edit, changes them.
 */
public final class LeadStatusMachine {

    private LeadStatusMachine() {
    }

    /** The status the action leads to, or empty when the action is not allowed from {@code current}. */
    public static Optional<LeadStatus> next(LeadStatus current, LeadAction action) {
        if (current.isFinal()) {
            return Optional.empty();
        }
        LeadStatus target = switch (action) {
            case ASSIGN -> switch (current) {
                case NEW, IN_POOL -> LeadStatus.ASSIGNED;
                case ASSIGNED, WORKING, QUALIFIED -> current;
                default -> null;
            };
            case POOL -> current == LeadStatus.NEW ? LeadStatus.IN_POOL : null;
            case CLAIM -> current == LeadStatus.IN_POOL ? LeadStatus.ASSIGNED : null;
            case RELEASE -> current == LeadStatus.ASSIGNED || current == LeadStatus.WORKING ? LeadStatus.IN_POOL : null;
            case START_WORKING -> current == LeadStatus.ASSIGNED ? LeadStatus.WORKING : null;
            case QUALIFY -> current == LeadStatus.WORKING ? LeadStatus.QUALIFIED : null;
            case CONVERT -> current == LeadStatus.QUALIFIED ? LeadStatus.CONVERTED : null;
            case DISQUALIFY -> LeadStatus.DISQUALIFIED;
            case EDIT -> current;
        };
        return Optional.ofNullable(target);
    }

    /** As {@link #next}, answering 409 with {@code currentStatus} when the action is not allowed. */
    public static LeadStatus require(LeadStatus current, LeadAction action) {
        return next(current, action).orElseThrow(() -> new ConflictException(
                "a " + current + " lead cannot " + describe(action),
                Map.of("currentStatus", current.name(), "action", action.name())));
    }

    private static String describe(LeadAction action) {
        return switch (action) {
            case ASSIGN -> "be assigned";
            case POOL -> "be put in the pool";
            case CLAIM -> "be claimed (only pool leads can)";
            case RELEASE -> "be released to the pool";
            case START_WORKING -> "move to WORKING";
            case QUALIFY -> "move to QUALIFIED";
            case CONVERT -> "be converted (only QUALIFIED leads can)";
            case DISQUALIFY -> "be disqualified";
            case EDIT -> "be edited";
        };
    }
}
