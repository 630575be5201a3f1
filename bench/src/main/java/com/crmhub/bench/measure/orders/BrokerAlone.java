package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.WarmedRounds;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 2. The broker alone: persistent 1 KiB messages through an embedded Artemis set up as the hub's, sent as the outbox
 * relay sends (one thread, persistent, non-transacted, with the relay's duplicate id and group) to the multicast
 * address and received as the flows receive (a transacted session per consumer, a commit per message, as many
 * consumers as the order-to-ERP flow has).
 */
public final class BrokerAlone implements Measurement {

    static final String SECTION = "2";
    static final String NAME = "broker alone, persistent 1 KiB messages";
    static final int DEFAULT_MESSAGES = 1_000;
    /** hub.erp.flow.consumers' default: the consumers of the busiest order flow. */
    static final int CONSUMERS = 2;

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        int messages = run.options().dealsOr(DEFAULT_MESSAGES);
        List<Double> rates;
        try (HubLikeBroker broker = HubLikeBroker.start(run.subFolder("broker"), "bench-broker")) {
            rates = WarmedRounds.rates(run.options().rounds(), "broker", "messages/s",
                    round -> round(broker.connectionFactory(), messages));
        }
        results.add(Figure.of(SECTION, NAME, Stats.median(rates), "messages/s",
                messages + " a round, 1 sender, " + CONSUMERS + " transacted consumers; " + Stats.spread(rates)));
    }

    /** Messages per second from the first send to the last commit of a receive. */
    static double round(ConnectionFactory factory, int messages) throws Exception {
        String payload = "x".repeat(1024);
        AtomicInteger received = new AtomicInteger();
        ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
        Connection connection = factory.createConnection();
        try {
            connection.start();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                running.add(consumers.submit(() -> {
                    Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    try (MessageConsumer consumer = session.createConsumer(session.createQueue(HubLikeBroker.FQQN))) {
                        while (received.get() < messages) {
                            Message message = consumer.receive(200);
                            if (message != null) {
                                session.commit();
                                received.incrementAndGet();
                            }
                        }
                    } finally {
                        session.close();
                    }
                    return null;
                }));
            }
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageProducer producer = session.createProducer(session.createTopic(HubLikeBroker.ADDRESS))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 0; i < messages; i++) {
                    String id = UUID.randomUUID().toString();
                    TextMessage message = session.createTextMessage(payload);
                    message.setStringProperty(HubLikeBroker.TYPE, "DealWon");
                    message.setStringProperty("_AMQ_DUPL_ID", id);
                    message.setStringProperty("JMSXGroupID", "deal:" + i);
                    producer.send(message);
                }
            } finally {
                session.close();
            }
            for (Future<?> consumer : running) {
                consumer.get(10, TimeUnit.MINUTES);
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            consumers.shutdownNow();
            connection.close();
        }
    }
}
