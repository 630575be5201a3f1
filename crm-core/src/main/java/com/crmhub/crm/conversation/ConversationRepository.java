package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findByChannelAndExternalKey(ChatChannel channel, String externalKey);

    Page<Conversation> findByStatus(Conversation.Status status, Pageable pageable);

    /** Unmatched one-to-one threads of a customer, to be linked when the customer becomes known. */
    List<Conversation> findByStatusAndFirstSenderId(Conversation.Status status, String firstSenderId);
}
