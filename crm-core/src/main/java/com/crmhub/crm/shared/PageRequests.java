package com.crmhub.crm.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Paging parameters of list endpoints: {@code page} from 0, {@code size} 1 to 200 (default 20). */
public final class PageRequests {

    public static final int MAX_SIZE = 200;

    private PageRequests() {
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(p, s, sort);
    }
}
