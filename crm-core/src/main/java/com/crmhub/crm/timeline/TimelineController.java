package com.crmhub.crm.timeline;

import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activities ({@code /api/v1/activities}) and the timelines of accounts, contacts, leads and deals
 * ({@code /api/v1/{accounts|contacts|leads|deals}/{id}/timeline}), newest first.
 */
@RestController
class TimelineController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    @PostMapping("/api/v1/activities")
    ResponseEntity<TimelineEntryView> add(@Valid @RequestBody NewActivity activity) {
        TimelineEntry entry = timeline.add(activity);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + entry.getId()))
                .body(TimelineEntryView.of(entry));
    }

    @GetMapping("/api/v1/activities/{id}")
    TimelineEntryView get(@PathVariable long id) {
        return TimelineEntryView.of(timeline.readable(id));
    }

    @GetMapping("/api/v1/activities")
    PageResponse<TimelineEntryView> list(@RequestParam SubjectType subjectType, @RequestParam long subjectId,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return PageResponse.of(timeline.timelineOf(subjectType, subjectId, PageRequests.of(page, size, NEWEST_FIRST)),
                TimelineEntryView::of);
    }

    @PostMapping("/api/v1/activities/{id}/complete")
    TimelineEntryView complete(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return TimelineEntryView.of(timeline.complete(id, Versions.parseIfMatch(ifMatch)));
    }

    @GetMapping("/api/v1/{collection:accounts|contacts|leads|deals}/{id}/timeline")
    PageResponse<TimelineEntryView> timelineOf(@PathVariable String collection, @PathVariable long id,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        SubjectType type = SubjectType.valueOf(collection.substring(0, collection.length() - 1).toUpperCase());
        return PageResponse.of(timeline.timelineOf(type, id, PageRequests.of(page, size, NEWEST_FIRST)),
                TimelineEntryView::of);
    }
}
