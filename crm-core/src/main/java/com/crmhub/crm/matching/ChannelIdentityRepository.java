package com.crmhub.crm.matching;

import com.crmhub.canonical.chat.IdentityChannel;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChannelIdentityRepository extends JpaRepository<ChannelIdentity, Long> {

    // JPQL rather than a derived query: archiving asks this once a message, and Hibernate translates a derived
    // (criteria) query on every call but caches the plan of a JPQL string (benchmark 5: a quarter of archiving's CPU).
    @Query("select i from ChannelIdentity i where i.channel = ?1 and i.externalId = ?2")
    Optional<ChannelIdentity> findByChannelAndExternalId(IdentityChannel channel, String externalId);
}
