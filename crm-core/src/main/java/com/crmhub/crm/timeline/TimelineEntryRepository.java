package com.crmhub.crm.timeline;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEntryRepository extends JpaRepository<TimelineEntry, Long> {

    Page<TimelineEntry> findByAccountId(Long accountId, Pageable pageable);

    Page<TimelineEntry> findByContactId(Long contactId, Pageable pageable);

    Page<TimelineEntry> findByLeadId(Long leadId, Pageable pageable);

    Page<TimelineEntry> findByDealId(Long dealId, Pageable pageable);

    Optional<TimelineEntry> findByExternalKey(String externalKey);
}
