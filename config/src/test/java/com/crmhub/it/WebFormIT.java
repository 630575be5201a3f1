package com.crmhub.it;

import static org.citrusframework.actions.SleepAction.Builder.sleep;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A company site that renders the hub's form on its own page (https://www.example.com, an allowed origin of
 * web-enquiry in application-test.yml): it fetches the form's fields and token, its visitor fills the page in, it
 * posts the JSON from the visitor's browser, and sales sees the assigned lead.
 */
class WebFormIT extends HubEndToEndSupport {

    private static final String SITE = "https://www.example.com";

    @Test
    @CitrusTest
    void aSitePostsItsVisitorsEnquiryAndTheLeadIsAssignedByProvince(@CitrusResource TestCaseRunner t) {
        t.variable("name", "citrus:concat('Site Visitor ', citrus:randomString(6))");
        t.variable("email", "citrus:concat('visitor.', citrus:lowerCase(citrus:randomString(10)), '@example.cn')");

        t.given(http().client(hubClient).send().get("/forms/web-enquiry").message()
                .header("Origin", SITE).accept("application/json"));
        t.given(http().client(hubClient).receive().response(HttpStatus.OK).message().type(MessageType.JSON)
                .header("Access-Control-Allow-Origin", SITE)
                .validate(jsonPath()
                        .expression("$.fields[?(@.name == 'email')].required", "true")
                        .expression("$.honeypot", "website"))
                .extract(jsonPath().expression("$.token", "token")));

        // The visitor takes longer than the form's minimum fill time (2 s in the test profile).
        t.when(sleep().milliseconds(2500L));
        t.when(http().client(hubClient).send().post("/forms/web-enquiry").message()
                .header("Origin", SITE).accept("application/json, application/problem+json")
                .body(template("webform/enquiry.json")));
        t.then(http().client(hubClient).receive().response(HttpStatus.ACCEPTED).message().type(MessageType.JSON)
                .header("Access-Control-Allow-Origin", SITE)
                .validate(jsonPath().expression("$.message", "Thank you, we will call you within one working day."))
                .extract(jsonPath().expression("$.submissionId", "submissionId")));

        t.then(get("sales_east1", "/api/v1/leads?q=${email}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items.length()", 1)
                .expression("$.items[0].name", "${name}")
                .expression("$.items[0].owner", "sales_east1")
                .expression("$.items[0].source", "WEB_FORM")
                .expression("$.items[0].sourceRef", "website:web-enquiry")
                .expression("$.items[0].companyName", "Ningbo Valves")));

        // The same post again (the visitor's double click) is the same submission: still one lead.
        t.then(http().client(hubClient).send().post("/forms/web-enquiry").message()
                .header("Origin", SITE).accept("application/json")
                .body(template("webform/enquiry.json")));
        t.then(http().client(hubClient).receive().response(HttpStatus.ACCEPTED).message().type(MessageType.JSON)
                .validate(jsonPath().expression("$.submissionId", "${submissionId}")));
        t.then(get("sales_east1", "/api/v1/leads?q=${email}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.items.length()", 1)));
    }
}
