package com.crmhub.routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.crmhub.crm.outbox.OutboxMessage;
import com.crmhub.crm.outbox.OutboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OutboxRelayTests {

    private final OutboxStore store = mock(OutboxStore.class);
    private final OutboxPublisher publisher = mock(OutboxPublisher.class);
    private final List<OutboxMessage> pending = new ArrayList<>();
    private final List<Long> marked = new ArrayList<>();
    private final OutboxRelay relay = new OutboxRelay(store, publisher,
            new OutboxProperties(Duration.ofMillis(500), Duration.ofMillis(20), 100, "crm.events"));

    OutboxRelayTests() throws Exception {
        when(store.nextBatch(anyInt())).thenAnswer(call -> List.copyOf(
                pending.subList(0, Math.min(call.<Integer>getArgument(0), pending.size()))));
        org.mockito.Mockito.doAnswer(call -> {
            List<Long> seqs = call.getArgument(0);
            marked.addAll(seqs);
            pending.removeIf(m -> seqs.contains(m.seq()));
            return null;
        }).when(store).markPublished(anyList());
    }

    @Test
    void oneRunEmptiesAnOutboxHoldingSeveralBatches() throws Exception {
        LongStream.rangeClosed(1, 250).forEach(seq -> pending.add(event(seq)));
        when(publisher.send(anyList())).thenAnswer(call -> call.getArgument(0));

        int relayed = relay.drain();

        assertThat(relayed).isEqualTo(250);
        assertThat(pending).isEmpty();
        assertThat(marked).containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
    }

    @Test
    void aFailedSendStopsTheRunAndLeavesTheRestForTheNextPoll() throws Exception {
        LongStream.rangeClosed(1, 250).forEach(seq -> pending.add(event(seq)));
        // The broker takes the first 30 events of the first batch, then fails.
        when(publisher.send(anyList())).thenAnswer(call -> call.<List<OutboxMessage>>getArgument(0).subList(0, 30));

        int relayed = relay.drain();

        assertThat(relayed).isEqualTo(30);
        assertThat(marked).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        assertThat(pending).hasSize(220).first().extracting(OutboxMessage::seq).isEqualTo(31L);
    }

    private static OutboxMessage event(long seq) {
        return new OutboxMessage(seq, "event-" + seq, "DealWon", "deal:" + seq, null, "{}");
    }
}
