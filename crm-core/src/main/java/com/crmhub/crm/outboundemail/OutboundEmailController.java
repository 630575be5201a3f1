package com.crmhub.crm.outboundemail;

import com.crmhub.crm.shared.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mail to a contact: accepted (202) once stored and queued, sent by the mail-outbound flow; its status by id. */
@RestController
class OutboundEmailController {

    private final OutboundEmailService service;

    OutboundEmailController(OutboundEmailService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/contacts/{contactId}/emails")
    ResponseEntity<OutboundEmailView> send(@PathVariable long contactId,
                                           @Valid @RequestBody OutboundEmailRequest request) {
        OutboundEmailView view = service.queue(contactId, request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/contacts/" + contactId + "/emails/" + view.id()))
                .body(view);
    }

    @GetMapping("/api/v1/contacts/{contactId}/emails/{emailId}")
    OutboundEmailView get(@PathVariable long contactId, @PathVariable long emailId) {
        return service.get(contactId, emailId);
    }

    @GetMapping("/api/v1/contacts/{contactId}/emails")
    PageResponse<OutboundEmailView> list(@PathVariable long contactId, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return service.listOfContact(contactId, page, size);
    }
}
