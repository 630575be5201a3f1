package com.crmhub.crm.account;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final AccountService service;

    AccountController(AccountService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<AccountView> create(@Valid @RequestBody AccountRequest request) {
        AccountView view = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + view.id()))
                .eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping
    PageResponse<AccountView> list(@RequestParam(required = false) @Size(max = 100) String owner,
                                   @RequestParam(required = false) @Size(max = 50) String tag,
                                   @RequestParam(required = false) @Size(max = 200) String q,
                                   @RequestParam(required = false) AccountLevel level,
                                   @RequestParam(required = false) AccountType type,
                                   @RequestParam(required = false) Instant updatedSince,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return service.list(new AccountFilter(owner, tag, q, level, type, updatedSince), page, size);
    }

    @GetMapping("/by-ref")
    ResponseEntity<AccountView> byRef(@RequestParam @Size(min = 1, max = 50) String system,
                                      @RequestParam @Size(min = 1, max = 100) String id) {
        AccountView view = service.getByExternalRef(system, id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountView> get(@PathVariable long id) {
        AccountView view = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/{id}")
    ResponseEntity<AccountView> update(@PathVariable long id, @Valid @RequestBody AccountRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AccountView view = service.update(id, request, Versions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
