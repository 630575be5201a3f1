package com.crmhub.routes.ops;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ops/dead-letters}: what the flows could not deliver, for OPERATOR and ADMIN (the security filter
 * chain restricts {@code /api/v1/ops/**}). Replay and discard are audited.
 */
@RestController
@RequestMapping("/api/v1/ops/dead-letters")
class DeadLetterController {

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetterView> list(@RequestParam(required = false) String flow) {
        return deadLetters.list(flow);
    }

    @GetMapping("/{id}")
    DeadLetterView get(@PathVariable String id) {
        return deadLetters.get(id);
    }

    @PostMapping("/{id}/replay")
    DeadLetterView replay(@PathVariable String id, @RequestBody(required = false) ReplayRequest request) {
        return deadLetters.replay(id, request == null ? null : request.payload());
    }

    /** DELETE with a body: the reason is required, and some clients cannot send one, so {@code ?reason=} works too. */
    @DeleteMapping("/{id}")
    DeadLetterView discard(@PathVariable String id, @Valid @RequestBody(required = false) DiscardRequest request,
                           @RequestParam(required = false) String reason) {
        String why = request != null ? request.reason() : reason;
        if (why == null || why.isBlank()) {
            throw new com.crmhub.crm.shared.InvalidFieldException("reason", "is required");
        }
        return deadLetters.discard(id, why);
    }
}
