package com.crmhub.crm.conversation;

import com.crmhub.crm.lead.LeadView;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unmatched-conversations inbox ({@code /api/v1/conversations/**}: ADMIN, OPERATOR or MANAGER): chats nobody was
 * recognised in, newest first, to be linked to an account or turned into a lead.
 */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final ConversationService service;

    ConversationController(ConversationService service) {
        this.service = service;
    }

    @GetMapping("/unmatched")
    PageResponse<ConversationView> unmatched(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return PageResponse.of(service.unmatched(PageRequests.of(page, size, Sort.by(Sort.Direction.DESC,
                "lastMessageAt"))), v -> v);
    }

    @GetMapping("/{id}")
    ConversationView get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/{id}/messages")
    List<ChatMessageView> messages(@PathVariable long id) {
        return service.messages(id);
    }

    @PostMapping("/{id}/link")
    ConversationView link(@PathVariable long id, @Valid @RequestBody ConversationLinkRequest request) {
        return service.link(id, request);
    }

    @PostMapping("/{id}/lead")
    ResponseEntity<LeadView> toLead(@PathVariable long id, @Valid @RequestBody ConversationLeadRequest request) {
        LeadView lead = service.toLead(id, request);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(lead);
    }
}
