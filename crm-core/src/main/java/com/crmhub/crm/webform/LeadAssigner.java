package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import com.crmhub.crm.lead.LeadLookup;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.UserDirectory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Evaluates a form's assignment rules in order; the first that names an owner wins, and no match leaves the lead in
 * the pool. The description says which rule decided, for the lead's timeline.
 */
@Component
class LeadAssigner {

    private final UserDirectory users;
    private final TeamRotation rotation;
    private final LeadLookup lookup;

    LeadAssigner(UserDirectory users, TeamRotation rotation, LeadLookup lookup) {
        this.users = users;
        this.rotation = rotation;
        this.lookup = lookup;
    }

    /** An owner ({@code null}: the pool) and why. */
    record Assignment(String owner, String reason) {
    }

    Assignment assign(FormSettings form, LeadCapture capture) {
        List<AssignmentRule> rules = form.rules();
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            String label = "rule " + (i + 1) + " (" + describe(rule, capture) + ")";
            Optional<String> owner = switch (rule.type()) {
                case PROVINCE -> listed(capture.province(), rule.provinces()) ? target(rule) : Optional.empty();
                case INDUSTRY -> listed(capture.industry(), rule.industries()) ? target(rule) : Optional.empty();
                case ROUND_ROBIN -> nextInTurn(rule.team());
                case LEAST_LOADED -> leastLoaded(rule.team());
            };
            if (owner.isPresent()) {
                return new Assignment(owner.get(), "Assigned to " + owner.get() + " by " + label);
            }
        }
        return new Assignment(null, rules.isEmpty() ? "No assignment rules: lead put in the pool"
                : "No assignment rule matched: lead put in the pool");
    }

    private Optional<String> target(AssignmentRule rule) {
        if (rule.owner() != null) {
            return users.find(rule.owner()).map(HubUser::name);
        }
        return nextInTurn(rule.team());
    }

    private Optional<String> nextInTurn(String team) {
        List<HubUser> members = users.salesOf(team);
        return members.isEmpty() ? Optional.empty() : Optional.of(rotation.next(team, members).name());
    }

    /** The member with the fewest open leads; a tie goes to the first by name, so the choice is repeatable. */
    private Optional<String> leastLoaded(String team) {
        List<String> members = users.salesOf(team).stream().map(HubUser::name).toList();
        Map<String, Long> load = lookup.openLeadsOwnedBy(members);
        return members.stream().min(Comparator.<String, Long>comparing(load::get).thenComparing(Comparator.naturalOrder()));
    }

    private static String describe(AssignmentRule rule, LeadCapture capture) {
        String target = rule.owner() != null ? rule.owner() : "team " + rule.team();
        return switch (rule.type()) {
            case PROVINCE -> "province " + capture.province() + " → " + target;
            case INDUSTRY -> "industry " + capture.industry() + " → " + target;
            case ROUND_ROBIN -> "round-robin in team " + rule.team();
            case LEAST_LOADED -> "fewest open leads in team " + rule.team();
        };
    }

    /** Compared as people write them: case, surrounding blanks and a trailing 省 or 市 do not matter. */
    static boolean listed(String value, List<String> candidates) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String key = key(value);
        return candidates.stream().anyMatch(c -> key(c).equals(key));
    }

    private static String key(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.length() > 1 && (v.endsWith("省") || v.endsWith("市")) ? v.substring(0, v.length() - 1) : v;
    }
}
