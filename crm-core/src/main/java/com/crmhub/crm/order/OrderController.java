package com.crmhub.crm.order;

import com.crmhub.crm.shared.Versions;
import com.crmhub.crm.shared.PageResponse;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orders}: the orders of won deals and where they stand in the ERP; read-only, scoped by the deal. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderService service;

    OrderController(OrderService service) {
        this.service = service;
    }

    @GetMapping
    PageResponse<OrderView> list(@RequestParam(required = false) OrderStatus status,
                                 @RequestParam(required = false) Long dealId,
                                 @RequestParam(required = false) Long accountId,
                                 @RequestParam(required = false) Instant updatedSince,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return service.list(new OrderFilter(status, dealId, accountId, updatedSince), page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable long id) {
        OrderView view = service.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
