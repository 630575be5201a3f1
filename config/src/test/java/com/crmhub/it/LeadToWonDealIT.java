package com.crmhub.it;

import static org.citrusframework.actions.ReceiveMessageAction.Builder.receive;
import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.expectTimeout;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;

import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.jms.endpoint.JmsEndpoint;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A web-form lead becomes a won deal, driven only from outside: the web form posts the lead, a salesperson works it
 * through the API, and DealWon — what the order-to-ERP flow consumes — arrives on the broker, exactly once.
 */
class LeadToWonDealIT extends HubEndToEndSupport {

    @Autowired
    JmsEndpoint dealWonEndpoint;

    @Test
    @CitrusTest
    void aWebFormLeadBecomesAWonDealWhoseEventIsOnTheBroker(@CitrusResource TestCaseRunner t) {
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("companyName", "citrus:concat('Hangzhou Pumps ', citrus:randomNumber(10), ' Co., Ltd.')");
        t.variable("dealName", "${companyName} valves");
        t.variable("contactName", "Zhang Wei");
        t.variable("email", "citrus:concat('zhang.', citrus:randomNumber(10), '@pumps.example')");
        t.variable("mobile", "citrus:concat('+86 138 ', citrus:randomNumber(8))");
        t.variable("formSubmissionId", "citrus:randomUUID()");

        t.given(post("admin", "/api/v1/products").body(template("crm/product.json")));
        t.then(answer(HttpStatus.CREATED).validate(jsonPath().expression("$.sku", "${sku}")));

        // The web form posts the lead as the integration user: it lands in the pool.
        t.when(post("integration", "/api/v1/leads").body(template("crm/lead.json")));
        t.then(answer(HttpStatus.CREATED)
                .validate(jsonPath().expression("$.status", "IN_POOL"))
                .extract(jsonPath().expression("$.id", "leadId")));

        // A salesperson claims, works, qualifies and converts it into account, contact and deal.
        t.when(post("sales_east1", "/api/v1/leads/${leadId}/claim"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "ASSIGNED")));
        t.when(post("sales_east1", "/api/v1/leads/${leadId}/status").body("{\"status\": \"WORKING\"}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "WORKING")));
        t.when(post("sales_east1", "/api/v1/leads/${leadId}/status").body("{\"status\": \"QUALIFIED\"}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "QUALIFIED")));
        t.when(post("sales_east1", "/api/v1/leads/${leadId}/convert").body(template("crm/lead-conversion.json")));
        t.then(answer(HttpStatus.OK)
                .validate(jsonPath().expression("$.status", "CONVERTED"))
                .extract(jsonPath()
                        .expression("$.convertedAccountId", "accountId")
                        .expression("$.convertedDealId", "dealId")));

        // A line on the deal, then won.
        t.when(get("sales_east1", "/api/v1/deals/${dealId}"));
        t.then(answer(HttpStatus.OK)
                .validate(jsonPath().expression("$.name", "${dealName}").expression("$.owner", "sales_east1"))
                .extract(jsonPath().expression("$.version", "dealVersion")));
        t.when(put("sales_east1", "/api/v1/deals/${dealId}").body(template("crm/deal-lines.json")));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.lines[0].sku", "${sku}")));
        t.when(post("sales_east1", "/api/v1/deals/${dealId}/win"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "WON")));

        // DealWon waits on the broker for the ERP flow, self-contained, and only once.
        t.then(receive(dealWonEndpoint)
                .selector("hubBusinessKey = 'deal:${dealId}'")
                .message()
                .type(MessageType.JSON)
                .validate(jsonPath()
                        .expression("$.type", "DealWon")
                        .expression("$.payload.dealId", "${dealId}")
                        .expression("$.payload.accountId", "${accountId}")
                        .expression("$.payload.owner", "sales_east1")
                        .expression("$.payload.lines[0].sku", "${sku}")));
        t.then(expectTimeout(dealWonEndpoint).selector("hubBusinessKey = 'deal:${dealId}'").timeout(1_000));
    }
}
