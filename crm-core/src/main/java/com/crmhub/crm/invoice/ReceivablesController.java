package com.crmhub.crm.invoice;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/accounts/{id}/receivables}: invoiced, paid and outstanding per currency; scoped by the account. */
@RestController
class ReceivablesController {

    private final InvoiceService service;

    ReceivablesController(InvoiceService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/accounts/{id}/receivables")
    ReceivablesView receivables(@PathVariable long id) {
        return service.receivables(id);
    }
}
