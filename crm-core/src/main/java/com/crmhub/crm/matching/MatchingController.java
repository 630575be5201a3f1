package com.crmhub.crm.matching;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Duplicate search for any signed-in user; see {@link MatchingService} on why it ignores data scopes. */
@RestController
class MatchingController {

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @PostMapping("/api/v1/matching/search")
    MatchResult search(@Valid @RequestBody MatchQuery query) {
        return matching.search(query);
    }
}
