package com.crmhub.crm.pipeline;

import com.crmhub.crm.shared.Versions;
import com.crmhub.crm.shared.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/pipelines}: sales pipelines with their stages. */
@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineController {

    private final PipelineService service;

    PipelineController(PipelineService service) {
        this.service = service;
    }

    @GetMapping
    PageResponse<PipelineView> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return service.list(page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<PipelineView> get(@PathVariable long id) {
        PipelineView view = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PostMapping
    ResponseEntity<PipelineView> create(@Valid @RequestBody PipelineRequests.Create request) {
        PipelineView view = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + view.id())).body(view);
    }
}
