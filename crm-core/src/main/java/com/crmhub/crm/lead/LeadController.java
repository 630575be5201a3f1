package com.crmhub.crm.lead;

import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/leads}: capture, list, edit, and the pool and lifecycle actions. Actions accept an optional If-Match. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    private final LeadService leads;
    private final LeadConversionService conversion;

    LeadController(LeadService leads, LeadConversionService conversion) {
        this.leads = leads;
        this.conversion = conversion;
    }

    @PostMapping
    ResponseEntity<LeadView> create(@Valid @RequestBody LeadRequest request,
                                    @RequestParam(defaultValue = "false") boolean pool) {
        LeadView view = leads.create(request, pool);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + view.id())).eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping
    PageResponse<LeadView> list(@RequestParam(required = false) LeadStatus status,
                                @RequestParam(required = false) String owner,
                                @RequestParam(required = false) LeadSource source,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) Boolean pool,
                                @RequestParam(required = false) Instant updatedSince,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return leads.list(new LeadFilter(status, owner, source, q, pool, updatedSince), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadView> get(@PathVariable long id) {
        return ok(leads.get(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<LeadView> update(@PathVariable long id, @Valid @RequestBody LeadUpdate update,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.update(id, update, Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<LeadView> claim(@PathVariable long id,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.claim(id, Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/release")
    ResponseEntity<LeadView> release(@PathVariable long id,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.release(id, Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<LeadView> assign(@PathVariable long id, @Valid @RequestBody LeadActions.Assign body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.assign(id, body.owner().trim(), Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<LeadView> status(@PathVariable long id, @Valid @RequestBody LeadActions.StatusChange body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.advance(id, body.status(), Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/disqualify")
    ResponseEntity<LeadView> disqualify(@PathVariable long id, @Valid @RequestBody LeadActions.Disqualify body,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(leads.disqualify(id, body.reason(), Versions.parseIfMatch(ifMatch)));
    }

    /** Converts a QUALIFIED lead; 409 with {@code candidates} when it matches existing customers. Body optional. */
    @PostMapping("/{id}/convert")
    ResponseEntity<LeadView> convert(@PathVariable long id,
                                     @Valid @RequestBody(required = false) LeadConversionRequest body,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        LeadConversionRequest request = body != null ? body
                : new LeadConversionRequest(null, null, null, null, null, null, null);
        return ok(conversion.convert(id, request, Versions.parseIfMatch(ifMatch)));
    }

    private static ResponseEntity<LeadView> ok(LeadView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
