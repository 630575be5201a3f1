package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.process.Database;
import com.crmhub.bench.process.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customers the WeCom load writes as: one account with contacts made through the hub's API, each linked to a WeCom
 * user id the way a real customer is — a member "adds" them through the hub's "contact me" state
 * ({@code add_external_contact} with {@code State=contact-<id>}), posted to the callback URL like any callback. Their
 * messages then match a contact and land on its timeline.
 */
final class WecomCustomers {

    /** The contacts made, in id order: {@code externalUserIds[i]} is linked to contact {@code firstContactId..}. */
    record Seeded(long accountId, long firstContactId, long lastContactId, List<String> externalUserIds) {
    }

    private WecomCustomers() {
    }

    static Seeded seed(HttpApi admin, CallbackClient callbacks, BenchWecomApp app, Database database, String tag,
                       int count) throws Exception {
        JsonNode account = admin.post("/api/v1/accounts", Map.of("type", "COMPANY",
                "name", "WeCom bench customer " + tag, "owner", "alice"));
        long accountId = account.path("id").asLong();
        List<Long> contactIds = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < count; i++) {
            JsonNode contact = admin.post("/api/v1/accounts/" + accountId + "/contacts",
                    Map.of("name", "Customer " + tag + "-" + i));
            long contactId = contact.path("id").asLong();
            String externalUserId = "wmbench" + tag + "x" + i;
            int status = callbacks.post(app.seal(app.contactAdded(externalUserId, contactId, now), now));
            if (status != 200) {
                throw new IOException("the contact-added callback for contact " + contactId + " answered " + status);
            }
            contactIds.add(contactId);
            externalIds.add(externalUserId);
        }
        long first = contactIds.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = contactIds.stream().mapToLong(Long::longValue).max().orElseThrow();
        awaitLinked(database, first, last, count);
        return new Seeded(accountId, first, last, List.copyOf(externalIds));
    }

    /** The links are made by the flow, after the answer: wait until every identity is stored. */
    private static void awaitLinked(Database database, long first, long last, int count) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from channel_identity where contact_id between ? and ?")) {
            query.setLong(1, first);
            query.setLong(2, last);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the hub did not link " + count + " WeCom customers within 2 minutes");
    }
}
