package com.crmhub.it;

import static org.citrusframework.dsl.JsonPathSupport.jsonPath;

import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What a client sending bad data sees: a 400 problem naming the field, and nothing written. */
class BadInputIT extends HubEndToEndSupport {

    @Test
    @CitrusTest
    void aBadCreditCodeIsA400ProblemNamingTheField(@CitrusResource TestCaseRunner t) {
        t.variable("accountName", "citrus:concat('Half-Written-', citrus:randomUUID())");
        // Well-formed, but the check character is wrong.
        t.variable("creditCode", "91350100M000100Y44");

        t.when(post("sales_east1", "/api/v1/accounts").body(template("crm/account.json")));
        t.then(answer(HttpStatus.BAD_REQUEST)
                .contentType("application/problem+json")
                .validate(jsonPath()
                        .expression("$.status", 400)
                        .expression("$.field", "creditCode")
                        .expression("$.errors[0].field", "creditCode")));

        t.when(get("admin", "/api/v1/accounts?q=${accountName}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.items.length()", 0)));
    }
}
