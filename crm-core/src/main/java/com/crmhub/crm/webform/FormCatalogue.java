package com.crmhub.crm.webform;

import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every web form: those in configuration ({@code hub.forms}, checked at start-up and read-only) and those admins
 * define through the API. A key belongs to one of them: configuration wins, so an API form cannot shadow it.
 */
@Service
@Transactional
public class FormCatalogue {

    private final Map<String, FormDefinition> configured;
    private final StoredForms stored;
    private final FormSettingsValidator validator;
    private final CurrentUser currentUser;

    FormCatalogue(FormsProperties properties, StoredForms stored, FormSettingsValidator validator,
                  CurrentUser currentUser) {
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        properties.forms().forEach((key, settings) -> {
            validator.problem(key, settings).ifPresent(p -> {
                throw new IllegalStateException("hub.forms." + key + "." + p.field() + ": " + p.getMessage());
            });
            forms.put(key, new FormDefinition(key, settings, FormOrigin.CONFIG, 0));
        });
        this.configured = Map.copyOf(forms);
        this.stored = stored;
        this.validator = validator;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Optional<FormDefinition> find(String key) {
        if (key == null || !FormSettingsValidator.KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        FormDefinition form = configured.get(key);
        return form != null ? Optional.of(form) : stored.find(key);
    }

    @Transactional(readOnly = true)
    public FormDefinition require(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("form", key));
    }

    @Transactional(readOnly = true)
    public List<FormDefinition> all() {
        List<FormDefinition> forms = new ArrayList<>(configured.values());
        forms.addAll(stored.all());
        forms.sort(Comparator.comparing(FormDefinition::key));
        return forms;
    }

    /** Creates the form, or replaces an API form's settings (at {@code ifMatch} when given); true when created. */
    public boolean put(String key, FormSettings settings, Long ifMatch) {
        validator.check(key, settings);
        if (configured.containsKey(key)) {
            throw readOnly(key);
        }
        Optional<FormDefinition> existing = stored.find(key);
        if (existing.isEmpty()) {
            stored.insert(key, settings, currentUser.actorName());
            return true;
        }
        long version = existing.get().version();
        Versions.check(version, ifMatch);
        if (!stored.update(key, settings, version, currentUser.actorName())) {
            throw new ConflictException("the form was changed meanwhile; read it again", Map.of("key", key));
        }
        return false;
    }

    public void delete(String key) {
        if (configured.containsKey(key)) {
            throw readOnly(key);
        }
        if (!stored.delete(key)) {
            throw new NotFoundException("form", key);
        }
    }

    private static ConflictException readOnly(String key) {
        return new ConflictException("form " + key + " is defined in configuration (hub.forms." + key
                + ") and cannot be changed through the API", Map.of("origin", FormOrigin.CONFIG));
    }
}
