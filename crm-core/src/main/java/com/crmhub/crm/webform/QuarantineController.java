package com.crmhub.crm.webform;

import com.crmhub.crm.shared.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Held form submissions (quarantined as suspicious, or failed), for ADMIN and OPERATOR (see SecurityConfig):
 * list, read, release (processed as a normal submission now) or discard.
 */
@RestController
@RequestMapping("/api/v1/forms/quarantine")
class QuarantineController {

    private final FormSubmissions submissions;

    QuarantineController(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping
    PageResponse<SubmissionView> list(@RequestParam(required = false) SubmissionStatus status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return submissions.held(status, page, size);
    }

    @GetMapping("/{id}")
    SubmissionView get(@PathVariable String id) {
        return submissions.get(id);
    }

    @PostMapping("/{id}/release")
    SubmissionView release(@PathVariable String id) {
        return submissions.release(id);
    }

    @PostMapping("/{id}/discard")
    SubmissionView discard(@PathVariable String id) {
        return submissions.discard(id);
    }
}
