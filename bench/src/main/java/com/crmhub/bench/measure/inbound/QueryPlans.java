package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.process.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database's plans (EXPLAIN, on H2 and PostgreSQL alike) for the queries archiving a WeCom message and matching
 * run per message, with values of the preloaded data: a plan that scans a table is a cost that grows with the CRM.
 */
final class QueryPlans {

    /** What archiving and matching ask per message (as Hibernate and the hub's JDBC send them, values inlined). */
    static final Map<String, String> HOT = hot();

    private QueryPlans() {
    }

    private static Map<String, String> hot() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("identity of a WeCom sender",
                "select * from channel_identity where channel = 'WECOM' and external_id = 'wmgrow4242'");
        queries.put("conversation of a thread",
                "select * from conversation where channel = 'WECOM' and external_key = 'bench:wmgrow4242'");
        queries.put("message stored already", "select count(*) from chat_message where channel = 'WECOM' "
                + "and message_id = '4242'");
        queries.put("timeline entry by external key",
                "select * from timeline_entry where external_key = 'wecom:grow-4242'");
        queries.put("contact with its account", "select * from contact c join account a on a.id = c.account_id "
                + "where c.id = 4242");
        queries.put("contacts by mobile", "select * from contact where mobile = '+8613700004242' order by id "
                + "fetch first 50 rows only");
        queries.put("contacts by e-mail", "select * from contact where email = 'contact4242@growth.example.com' "
                + "order by id fetch first 50 rows only");
        // Web forms' questions (not part of growth's loads; leads are not preloaded, so a small table may be scanned).
        queries.put("open lead by mobile", "select * from lead where mobile = '+8613700004242' "
                + "and status in ('NEW', 'ASSIGNED') order by id desc fetch first 1 rows only");
        queries.put("open leads per owner", "select owner_name, count(*) from lead where owner_name in ('alice') "
                + "and status in ('ASSIGNED', 'WORKING', 'QUALIFIED') group by owner_name");
        return queries;
    }

    /** Queries on the tables growth preloads: a table scan there grows with the CRM. */
    static boolean onPreloadedTables(String query) {
        return !HOT.get(query).contains(" from lead ");
    }

    /** A query's plan as one text. */
    record Plan(String query, String plan, boolean scansATable) {
    }

    static List<Plan> explain(Database database) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : HOT.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = statement.executeQuery("explain " + query.getValue())) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                String text = plan.toString();
                String lower = text.toLowerCase(Locale.ROOT);
                // H2 says "tableScan"; PostgreSQL "Seq Scan".
                plans.add(new Plan(query.getKey(), text, lower.contains("tablescan") || lower.contains("seq scan")));
            }
        }
        return plans;
    }

    static void write(List<Plan> plans, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Plan plan : plans) {
            text.append("## ").append(plan.query()).append(plan.scansATable() ? " (TABLE SCAN)" : "").append('\n')
                    .append(HOT.get(plan.query())).append('\n').append(plan.plan()).append('\n');
        }
        Files.writeString(file, text);
    }
}
