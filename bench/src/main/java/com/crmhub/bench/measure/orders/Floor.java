package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.WarmedRounds;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.process.Database;
import com.crmhub.bench.process.FreePorts;
import com.crmhub.bench.process.HubUsers;
import com.crmhub.bench.process.SimulatorsProcess;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.connectors.erp.ErpProperties;
import com.crmhub.connectors.erp.ErpSalesOrderClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * 1. The floor: the least durable work one order needs, by hand, with no hub. Per order: the order and its event
 * inserted in one transaction, the order sent as a persistent message through an embedded Artemis set up as the
 * hub's and received in a transacted session, CreateSalesOrder called on the ERP simulator (a process of its own, as
 * for the hub) with the hub's generated CXF client, and the order updated with the ERP's answer before the receive
 * commits. Same database kind as the hub (a fresh H2 file or PostgreSQL schema) and the hub's concurrency: as many
 * writers as receivers, as many receivers as the order-to-ERP flow has consumers.
 */
public final class Floor implements Measurement {

    static final String SECTION = "1";
    static final String NAME = "floor: order by hand (DB, broker, SOAP, DB)";
    static final int DEFAULT_ORDERS = 500;
    static final int THREADS = BrokerAlone.CONSUMERS;

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        int orders = run.options().dealsOr(DEFAULT_ORDERS);
        Database database = Database.of(run.options().database(), run.subFolder("floor/db"));
        SimulatorsProcess simulators = SimulatorsProcess.create(run.classPath(), run.subFolder("floor/simulators"),
                FreePorts.next(), new HubUsers(), OrderToInventoryLoad.ERP_STOCK,
                run.json());
        List<Double> rates;
        try (HikariDataSource pool = pool(database);
             HubLikeBroker broker = HubLikeBroker.start(run.subFolder("floor/artemis"), "bench-floor")) {
            createSchema(database, pool);
            simulators.start();
            ErpSalesOrderClient erp = new ErpSalesOrderClient(
                    ErpProperties.of(simulators.erpSalesOrdersUrl(), ErpProperties.Auth.NONE, null, null));
            try {
                rates = WarmedRounds.rates(run.options().rounds(), "floor", "orders/s", round ->
                        new FloorRound(pool, broker, erp, run.json(), "floor-" + round + "-", orders).run());
            } finally {
                erp.destroy();
            }
        } finally {
            simulators.close();
            database.drop();
        }
        results.add(Figure.of(SECTION, NAME, Stats.median(rates), "orders/s", orders + " a round, " + THREADS
                + " writers + " + THREADS + " receivers, " + run.options().database().name().toLowerCase() + "; "
                + Stats.spread(rates)));
    }

    private static HikariDataSource pool(Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword("");
        config.setMaximumPoolSize(10); // Hikari's default, as the hub's
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    private static void createSchema(Database database, DataSource pool) throws SQLException {
        boolean postgres = database.kind() == Database.Kind.POSTGRES;
        try (Connection admin = postgres ? java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "") : null) {
            if (admin != null) {
                try (Statement s = admin.createStatement()) {
                    s.execute("create schema if not exists " + schemaOf(database.url()));
                }
            }
        }
        String text = postgres ? "text" : "character varying";
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (!postgres) {
                // As durable as the hub's H2 (H2CommitDurability): each commit on disk before it returns.
                s.execute("SET WRITE_DELAY 0");
            }
            // The columns of the hub's crm_order and outbox_event that this work touches, with their unique keys.
            s.execute("create table floor_order (id bigint primary key, external_ref varchar(64) not null, "
                    + "status varchar(20) not null, erp_order_no varchar(64), reservation_status varchar(20), "
                    + "version bigint not null, created_at timestamp with time zone not null, "
                    + "updated_at timestamp with time zone not null)");
            s.execute("create unique index ux_floor_order_ref on floor_order (external_ref)");
            s.execute("create table floor_event (seq bigint generated by default as identity primary key, "
                    + "event_id varchar(36) not null, event_type varchar(100) not null, "
                    + "business_key varchar(100) not null, occurred_at timestamp with time zone not null, "
                    + "payload " + text + " not null)");
            s.execute("create unique index ux_floor_event_id on floor_event (event_id)");
            c.commit();
        }
    }

    private static String schemaOf(String url) {
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    /** One round: {@code orders} orders through writers and receivers; orders per second to the last update. */
    private record FloorRound(DataSource pool, HubLikeBroker broker, ErpSalesOrderClient erp, ObjectMapper json,
                              String prefix, int orders) {

        double run() throws Exception {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS * 2);
            jakarta.jms.Connection connection = broker.connectionFactory().createConnection();
            try {
                connection.start();
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    running.add(threads.submit(() -> write(connection, next)));
                    running.add(threads.submit(() -> receive(connection, done)));
                }
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.MINUTES);
                }
                return orders / ((System.nanoTime() - start) / 1e9);
            } finally {
                threads.shutdownNow();
                connection.close();
            }
        }

        private Void write(jakarta.jms.Connection connection, AtomicInteger next) throws Exception {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageProducer producer = session.createProducer(session.createTopic(HubLikeBroker.ADDRESS));
                 Connection db = pool.getConnection();
                 PreparedStatement order = db.prepareStatement("insert into floor_order (id, external_ref, status, "
                         + "version, created_at, updated_at) values (?, ?, 'PENDING_ERP', 0, ?, ?)");
                 PreparedStatement event = db.prepareStatement("insert into floor_event (event_id, event_type, "
                         + "business_key, occurred_at, payload) values (?, 'DealWon', ?, ?, ?)")) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    String ref = prefix + i;
                    String body = json.writeValueAsString(salesOrder(ref));
                    Timestamp now = Timestamp.from(Instant.now());
                    long id = Math.abs((long) ref.hashCode()) * 100_000L + i;
                    order.setLong(1, id);
                    order.setString(2, ref);
                    order.setTimestamp(3, now);
                    order.setTimestamp(4, now);
                    order.executeUpdate();
                    String eventId = UUID.randomUUID().toString();
                    event.setString(1, eventId);
                    event.setString(2, "order:" + ref);
                    event.setTimestamp(3, now);
                    event.setString(4, body);
                    event.executeUpdate();
                    db.commit();
                    TextMessage message = session.createTextMessage(body);
                    message.setStringProperty(HubLikeBroker.TYPE, "DealWon");
                    message.setStringProperty("_AMQ_DUPL_ID", eventId);
                    message.setStringProperty("JMSXGroupID", "order:" + ref);
                    producer.send(message);
                }
            } finally {
                session.close();
            }
            return null;
        }

        private Void receive(jakarta.jms.Connection connection, AtomicInteger done) throws Exception {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(HubLikeBroker.FQQN));
                 Connection db = pool.getConnection();
                 PreparedStatement update = db.prepareStatement("update floor_order set status = ?, "
                         + "erp_order_no = ?, reservation_status = ?, version = version + 1, updated_at = ? "
                         + "where external_ref = ?")) {
                while (done.get() < orders) {
                    Message message = consumer.receive(200);
                    if (message == null) {
                        continue;
                    }
                    SalesOrder order = json.readValue(text(message), SalesOrder.class);
                    OrderAccepted accepted = erp.createSalesOrder(order);
                    update.setString(1, accepted.reservationStatus().name());
                    update.setString(2, accepted.erpOrderNo());
                    update.setString(3, accepted.reservationStatus().name());
                    update.setTimestamp(4, Timestamp.from(Instant.now()));
                    update.setString(5, order.orderId());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("no floor order " + order.orderId());
                    }
                    db.commit();
                    session.commit();
                    done.incrementAndGet();
                }
            } finally {
                session.close();
            }
            return null;
        }

        private static String text(Message message) throws JMSException {
            return ((TextMessage) message).getText();
        }

        private static SalesOrder salesOrder(String ref) {
            return new SalesOrder(ref, ref, new Customer("CRM-1", "Bench Customer Ltd", null, "上海 浦东"), "CNY",
                    LocalDate.now().plusDays(7), List.of(new SalesOrderLine(1, OrderToInventoryLoad.SKU, "Bench product",
                    BigDecimal.ONE, new BigDecimal("100.00"), new BigDecimal("0.1300"))));
        }
    }
}
