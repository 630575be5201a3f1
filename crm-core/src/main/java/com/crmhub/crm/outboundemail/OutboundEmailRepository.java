package com.crmhub.crm.outboundemail;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundEmailRepository extends JpaRepository<OutboundEmail, Long> {

    Optional<OutboundEmail> findByIdAndContactId(long id, long contactId);

    Page<OutboundEmail> findByContactId(long contactId, Pageable pageable);
}
