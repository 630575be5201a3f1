package com.crmhub.crm.webform;

import com.crmhub.crm.security.UserDirectory;
import com.crmhub.crm.shared.InvalidFieldException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of a form definition that span fields or need the user directory: a lead needs a name, so the form asks
 * for one and requires it; required fields are shown; a consent box has its text; each rule names what it needs, and
 * the owners and teams it names exist (a team with sales members).
 */
@Component
class FormSettingsValidator {

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final UserDirectory users;

    FormSettingsValidator(UserDirectory users) {
        this.users = users;
    }

    /** Throws {@link InvalidFieldException} naming the first problem (400 through the API). */
    void check(String key, FormSettings s) {
        problem(key, s).ifPresent(p -> {
            throw p;
        });
    }

    Optional<InvalidFieldException> problem(String key, FormSettings s) {
        if (key == null || !KEY.matcher(key).matches()) {
            return fail("key", "must be lower-case letters, digits and '-', at most 64");
        }
        if (!s.asks(FormField.NAME) || !s.requires(FormField.NAME)) {
            return fail("fields", "must ask for and require name (every lead has one)");
        }
        for (FormField f : s.required()) {
            if (!s.asks(f)) {
                return fail("required", f.param() + " is required but not among fields");
            }
        }
        for (String label : s.labels().keySet()) {
            if (!label.equals("submit") && Arrays.stream(FormField.values()).noneMatch(f -> f.param().equals(label))) {
                return fail("labels", "'" + label + "' is not a form field");
            }
        }
        if (s.asks(FormField.CONSENT) && (s.consentText() == null || s.consentText().isBlank())) {
            return fail("consentText", "is required when the form asks for consent");
        }
        for (int i = 0; i < s.rules().size(); i++) {
            Optional<InvalidFieldException> p = rule("rules[" + i + "]", s.rules().get(i));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private Optional<InvalidFieldException> rule(String at, AssignmentRule r) {
        switch (r.type()) {
            case PROVINCE, INDUSTRY -> {
                boolean listed = r.type() == AssignmentRule.RuleType.PROVINCE ? !r.provinces().isEmpty()
                        : !r.industries().isEmpty();
                if (!listed) {
                    return fail(at + (r.type() == AssignmentRule.RuleType.PROVINCE ? ".provinces" : ".industries"),
                            "must list at least one value");
                }
                if ((r.owner() == null) == (r.team() == null)) {
                    return fail(at + ".owner", "name either an owner or a team");
                }
            }
            case ROUND_ROBIN, LEAST_LOADED -> {
                if (r.team() == null || r.owner() != null) {
                    return fail(at + ".team", "is required (and owner is not used) for " + r.type());
                }
            }
        }
        if (r.owner() != null && users.find(r.owner()).isEmpty()) {
            return fail(at + ".owner", "unknown user '" + r.owner() + "'");
        }
        if (r.team() != null && users.salesOf(r.team()).isEmpty()) {
            return fail(at + ".team", "team '" + r.team() + "' has no sales users");
        }
        return Optional.empty();
    }

    private static Optional<InvalidFieldException> fail(String field, String message) {
        return Optional.of(new InvalidFieldException(field, message));
    }
}
