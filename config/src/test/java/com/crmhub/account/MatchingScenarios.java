package com.crmhub.account;

import static com.crmhub.account.TestData.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicate search: finds an account of sales_east1 for users who cannot see it (sales_west), by credit code, e-mail
 * in any case, mobile in any format and company name variants, and shows no more than id, name and owner.
 */
abstract class MatchingScenarios extends ApiTestSupport {

    private String marker;
    private String code;
    private String digits;
    private long account;
    private long contact;

    @BeforeEach
    void customerOfSalesEast1() {
        marker = unique("Acme");
        code = TestData.creditCode();
        digits = TestData.mobileDigits();
        account = as("sales_east1").post("/api/v1/accounts", body("type", "COMPANY", "name", marker + " Co., Ltd.",
                "creditCode", code, "industry", "Secret industry")).expect(201).id();
        contact = as("sales_east1").post("/api/v1/accounts/" + account + "/contacts", body("name", "Jane Doe",
                "email", "Jane.Doe@" + marker + ".com", "mobile", digits)).expect(201).id();
        as("sales_west").get("/api/v1/accounts/" + account).expect(404);
    }

    private JsonNode search(Map<String, Object> query) {
        return as("sales_west").post("/api/v1/matching/search", query).expect(200).body();
    }

    @Test
    void findsByCreditCodeShowingOnlyIdNameAndOwner() {
        JsonNode result = search(body("creditCode", code.toLowerCase(Locale.ROOT)));
        JsonNode match = only(result.path("accounts"), "accountId", account);
        assertThat(match.path("name").asText()).isEqualTo(marker + " Co., Ltd.");
        assertThat(match.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(reasons(match)).containsExactly("CREDIT_CODE");
        assertThat(fieldNames(match)).containsExactlyInAnyOrder("accountId", "name", "owner", "reasons");
        assertThat(result.path("contacts")).isEmpty();
    }

    @Test
    void findsByEmailWhateverItsCase() {
        JsonNode result = search(body("email", " JANE.DOE@" + marker.toUpperCase(Locale.ROOT) + ".COM "));
        assertThat(reasons(only(result.path("accounts"), "accountId", account))).containsExactly("EMAIL");
        JsonNode person = only(result.path("contacts"), "contactId", contact);
        assertThat(reasons(person)).containsExactly("EMAIL");
        assertThat(person.path("accountId").asLong()).isEqualTo(account);
        assertThat(person.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(fieldNames(person)).containsExactlyInAnyOrder("contactId", "name", "accountId", "owner", "reasons");
    }

    @Test
    void findsByMobileInAnyFormat() {
        String spaced = digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        String dashed = "+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
        for (String format : List.of(digits, spaced, dashed, "0086" + digits, "+86" + digits)) {
            JsonNode result = search(body("mobile", format));
            assertThat(reasons(only(result.path("contacts"), "contactId", contact))).as(format).containsExactly("MOBILE");
            assertThat(reasons(only(result.path("accounts"), "accountId", account))).as(format).containsExactly("MOBILE");
        }
        assertThat(search(body("mobile", "not a phone")).path("contacts")).isEmpty();
    }

    @Test
    void findsByCompanyNameVariants() {
        for (String variant : List.of(marker.toUpperCase(Locale.ROOT), marker + " Limited", marker + ", Inc.",
                "  " + marker.toLowerCase(Locale.ROOT) + " 有限公司", fullWidth(marker) + "有限公司")) {
            JsonNode result = search(body("companyName", variant));
            assertThat(reasons(only(result.path("accounts"), "accountId", account))).as(variant)
                    .containsExactly("COMPANY_NAME");
        }
        assertThat(search(body("companyName", marker + " Tools")).path("accounts")).isEmpty();
    }

    @Test
    void strongestMatchesComeFirstWithEveryReason() {
        long sameName = as("sales_west").post("/api/v1/accounts", body("type", "COMPANY", "name", marker.toUpperCase(Locale.ROOT)))
                .expect(201).id();
        JsonNode result = search(body("companyName", marker, "creditCode", code,
                "email", "jane.doe@" + marker + ".com", "mobile", "+86" + digits));
        JsonNode accounts = result.path("accounts");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).path("accountId").asLong()).isEqualTo(account);
        assertThat(reasons(accounts.get(0))).containsExactly("CREDIT_CODE", "EMAIL", "MOBILE", "COMPANY_NAME");
        assertThat(accounts.get(1).path("accountId").asLong()).isEqualTo(sameName);
        assertThat(reasons(accounts.get(1))).containsExactly("COMPANY_NAME");
        assertThat(reasons(only(result.path("contacts"), "contactId", contact)))
                .containsExactly("CREDIT_CODE", "EMAIL", "MOBILE", "COMPANY_NAME");
    }

    @Test
    void anySignedInUserMaySearchButOnlyThey() {
        as("operator").post("/api/v1/matching/search", body("creditCode", code)).expect(200);
        as("integration").post("/api/v1/matching/search", body("creditCode", code)).expect(200);
        anonymous().post("/api/v1/matching/search", body("creditCode", code)).expect(401);
        JsonNode empty = as("sales_west").post("/api/v1/matching/search", body()).expect(200).body();
        assertThat(empty.path("accounts")).isEmpty();
        as("sales_west").post("/api/v1/matching/search", body("companyName", "x".repeat(5000)))
                .expectFieldError("companyName");
    }

    private static String fullWidth(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : (char) c));
        return sb.toString();
    }

    private static JsonNode only(JsonNode matches, String idField, long id) {
        List<JsonNode> hits = new ArrayList<>();
        matches.forEach(m -> {
            if (m.path(idField).asLong() == id) {
                hits.add(m);
            }
        });
        assertThat(hits).as("%s %d in %s", idField, id, matches).hasSize(1);
        return hits.get(0);
    }

    private static List<String> reasons(JsonNode match) {
        List<String> reasons = new ArrayList<>();
        match.path("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
