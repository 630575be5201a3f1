package com.crmhub.crm.contact;

import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactController {

    private final ContactService service;

    ContactController(ContactService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/accounts/{accountId}/contacts")
    ResponseEntity<ContactView> create(@PathVariable long accountId, @Valid @RequestBody ContactRequest request) {
        ContactView view = service.create(accountId, request);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + view.id())).eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts")
    PageResponse<ContactView> listOfAccount(@PathVariable long accountId,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return service.listOfAccount(accountId, page, size);
    }

    @GetMapping("/api/v1/contacts")
    PageResponse<ContactView> list(@RequestParam(required = false) @Size(max = 200) String q,
                                   @RequestParam(required = false) Long accountId,
                                   @RequestParam(required = false) @Size(max = EmailAddresses.MAX_LENGTH) String email,
                                   @RequestParam(required = false) @Size(max = PhoneNumbers.MAX_INPUT_LENGTH) String mobile,
                                   @RequestParam(required = false) Instant updatedSince,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return service.list(new ContactFilter(q, accountId, email, mobile, updatedSince), page, size);
    }

    @GetMapping("/api/v1/contacts/{id}")
    ResponseEntity<ContactView> get(@PathVariable long id) {
        ContactView view = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/api/v1/contacts/{id}")
    ResponseEntity<ContactView> update(@PathVariable long id, @Valid @RequestBody ContactRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ContactView view = service.update(id, request, Versions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
