package com.crmhub.crm.product;

import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.validation.Valid;
import java.net.URI;
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

/** {@code /api/v1/products}: the catalogue, addressed by SKU. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductService service;

    ProductController(ProductService service) {
        this.service = service;
    }

    @GetMapping
    PageResponse<ProductView> list(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) Boolean active,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return service.list(q, active, page, size);
    }

    @GetMapping("/{sku}")
    ResponseEntity<ProductView> get(@PathVariable String sku) {
        ProductView view = service.get(sku);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PostMapping
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequests.Create request) {
        ProductView view = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/products/" + view.sku())).eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/{sku}")
    ResponseEntity<ProductView> update(@PathVariable String sku, @Valid @RequestBody ProductRequests.Update request,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ProductView view = service.update(sku, request, Versions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
