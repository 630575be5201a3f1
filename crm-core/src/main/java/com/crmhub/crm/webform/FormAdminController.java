package com.crmhub.crm.webform;

import com.crmhub.crm.shared.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Form definitions (ADMIN writes; ADMIN and OPERATOR read, see SecurityConfig). Forms from configuration are listed
 * with {@code origin: CONFIG} and answer 409 to changes; a PUT creates or replaces an API form (If-Match optional).
 */
@RestController
@RequestMapping("/api/v1/forms")
class FormAdminController {

    private final FormCatalogue catalogue;

    FormAdminController(FormCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record FormView(String key, FormOrigin origin, boolean editable, long version, String url, FormSettings settings) {

        static FormView of(FormDefinition form) {
            return new FormView(form.key(), form.origin(), form.editable(), form.version(), "/forms/" + form.key(),
                    form.settings());
        }
    }

    @GetMapping
    List<FormView> list() {
        return catalogue.all().stream().map(FormView::of).toList();
    }

    @GetMapping("/{key}")
    ResponseEntity<FormView> get(@PathVariable String key) {
        FormDefinition form = catalogue.require(key);
        return ResponseEntity.ok().eTag(Versions.etag(form.version())).body(FormView.of(form));
    }

    @PutMapping("/{key}")
    ResponseEntity<FormView> put(@PathVariable String key, @Valid @RequestBody FormSettings settings,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        boolean created = catalogue.put(key, settings, Versions.parseIfMatch(ifMatch));
        FormDefinition form = catalogue.require(key);
        ResponseEntity.BodyBuilder answer = created ? ResponseEntity.created(URI.create("/api/v1/forms/" + key))
                : ResponseEntity.ok();
        return answer.eTag(Versions.etag(form.version())).body(FormView.of(form));
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(@PathVariable String key) {
        catalogue.delete(key);
        return ResponseEntity.noContent().build();
    }
}
