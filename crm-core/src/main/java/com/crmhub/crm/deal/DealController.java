package com.crmhub.crm.deal;

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

/** {@code /api/v1/deals}: deals and their state machine (stage, win, lose). */
@RestController
@RequestMapping("/api/v1/deals")
class DealController {

    private final DealService service;

    DealController(DealService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<DealView> create(@Valid @RequestBody DealRequests.Create request) {
        DealView view = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + view.id())).eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping
    PageResponse<DealView> list(@RequestParam(required = false) @Size(max = 100) String owner,
                                @RequestParam(required = false) DealStatus status,
                                @RequestParam(required = false) Long stageId,
                                @RequestParam(required = false) Long pipelineId,
                                @RequestParam(required = false) Long accountId,
                                @RequestParam(required = false) @Size(max = 200) String q,
                                @RequestParam(required = false) Instant updatedSince,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return service.list(new DealFilter(owner, status, stageId, pipelineId, accountId, q, updatedSince), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<DealView> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<DealView> update(@PathVariable long id, @Valid @RequestBody DealRequests.Update request,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(service.update(id, request, Versions.parseIfMatch(ifMatch)));
    }

    @PostMapping("/{id}/stage")
    ResponseEntity<DealView> moveToStage(@PathVariable long id, @Valid @RequestBody DealRequests.StageMove request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(service.moveToStage(id, request.stageId(), expected(ifMatch, request.version())));
    }

    @PostMapping("/{id}/win")
    ResponseEntity<DealView> win(@PathVariable long id,
                                 @Valid @RequestBody(required = false) DealRequests.Win request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(service.win(id, expected(ifMatch, request == null ? null : request.version())));
    }

    @PostMapping("/{id}/lose")
    ResponseEntity<DealView> lose(@PathVariable long id, @Valid @RequestBody DealRequests.Lose request,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(service.lose(id, request.reason(), expected(ifMatch, request.version())));
    }

    private static Long expected(String ifMatch, Long bodyVersion) {
        Long header = Versions.parseIfMatch(ifMatch);
        return header != null ? header : bodyVersion;
    }

    private static ResponseEntity<DealView> ok(DealView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
