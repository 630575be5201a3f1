package com.crmhub.crm.invoice;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of invoicing ({@code /api/v1/ops/**}: ADMIN or OPERATOR): the invoices in a status (REJECTED ones
 * wait for someone), and requesting a rejected invoice again once the buyer's data is fixed.
 */
@RestController
@RequestMapping("/api/v1/ops/invoices")
class InvoiceOpsController {

    private final InvoiceService service;

    InvoiceOpsController(InvoiceService service) {
        this.service = service;
    }

    @GetMapping
    List<InvoiceOpsView> list(@RequestParam(defaultValue = "REJECTED") CustomerInvoiceStatus status) {
        return service.inStatus(status);
    }

    /** 202: the new request is on its way to finance (its key in the answer); 409 unless the invoice is REJECTED. */
    @PostMapping("/{key}/reissue")
    ResponseEntity<InvoiceOpsView> reissue(@PathVariable String key) {
        return ResponseEntity.accepted().body(service.reissue(key));
    }
}
