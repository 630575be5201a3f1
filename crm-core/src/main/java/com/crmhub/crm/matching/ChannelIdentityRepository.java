package com.crmhub.crm.matching;

import com.crmhub.canonical.chat.IdentityChannel;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChannelIdentityRepository extends JpaRepository<ChannelIdentity, Long> {

    Optional<ChannelIdentity> findByChannelAndExternalId(IdentityChannel channel, String externalId);
}
