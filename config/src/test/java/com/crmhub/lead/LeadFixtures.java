package com.crmhub.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.account.UnifiedSocialCreditCode;
import com.crmhub.support.ApiClient;
import com.crmhub.support.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data and small assertions shared by the lead scenarios. */
final class LeadFixtures {

    static final String LEADS = "/api/v1/leads";

    private LeadFixtures() {
    }

    static Map<String, Object> lead(String name, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("source", "WEB_FORM");
        body.putAll(extra);
        return body;
    }

    /** Creates a lead as {@code client} (a sales user, who then owns it) and takes it to QUALIFIED. */
    static long qualifiedLead(ApiClient client, String name, Map<String, Object> extra) {
        long id = client.post(LEADS, lead(name, extra)).expect(201).id();
        client.post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        client.post(LEADS + "/" + id + "/status", Map.of("status", "QUALIFIED")).expect(200);
        return id;
    }

    static void assertConflict(ApiResponse response, String currentStatus) {
        response.expect(409);
        assertThat(response.text("currentStatus")).as("body: %s", response.raw()).isEqualTo(currentStatus);
    }

    static List<Long> ids(ApiResponse page) {
        List<Long> ids = new ArrayList<>();
        page.body().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    /** A valid 统一社会信用代码 no other test uses. */
    static String creditCode() {
        StringBuilder first17 = new StringBuilder("91310000");
        for (int i = 0; i < 9; i++) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return first17.toString() + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A valid Chinese mobile number no other test uses, as typed ("139 1234 5678"), and its E.164 form. */
    static String[] mobile() {
        String digits = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return new String[] {digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7),
                "+86" + digits};
    }
}
