package com.crmhub.it;

import static org.citrusframework.actions.SendMessageAction.Builder.send;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;

import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.mail.client.MailClient;
import org.citrusframework.mail.message.MailMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Citrus as a customer with a mail program: a mail sent over SMTP to the hub's mailbox (the GreenMail simulator, read
 * by the hub over IMAP) shows on the timeline of the contact with the sender's address, as an EMAIL entry titled with
 * the sender and subject; a mail from an address nobody has waits in the conversations inbox as an EMAIL conversation.
 */
class InboundMailIT extends HubEndToEndSupport {

    @Autowired
    MailClient customerMailClient;

    @Test
    @CitrusTest
    void aCustomersMailIsOnTheirContactsTimeline(@CitrusResource TestCaseRunner t) {
        t.variable("from", "citrus:concat('buyer-', citrus:randomString(8, LOWERCASE), '@customer.example')");
        t.given(post("sales_east1", "/api/v1/accounts")
                .body("{\"type\":\"COMPANY\",\"name\":\"citrus:concat('Mail IT ', citrus:randomString(8))\"}"));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.given(post("sales_east1", "/api/v1/accounts/${accountId}/contacts")
                .body("{\"name\":\"Buyer\",\"email\":\"${from}\"}"));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "contactId")));

        t.when(send(customerMailClient).message(MailMessage.request("${from}", "crm@test.local", "Quotation DN50")
                .body("Please quote 200 valves.", "text/plain")));

        t.then(repeatOnError().until("i = 60").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/contacts/${contactId}/timeline"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.items[?(@.kind == 'EMAIL')].title", "E-mail from ${from}: Quotation DN50")
                        .expression("$.items[?(@.kind == 'EMAIL')].body", "Please quote 200 valves.")
                        .expression("$.items[?(@.kind == 'EMAIL')].sourceSystem", "email"))));
        t.then(get("sales_east1", "/api/v1/accounts/${accountId}/timeline"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.kind == 'EMAIL')].title", "E-mail from ${from}: Quotation DN50")));
    }

    @Test
    @CitrusTest
    void aMailFromAnUnknownAddressWaitsInTheInbox(@CitrusResource TestCaseRunner t) {
        t.variable("from", "citrus:concat('stranger-', citrus:randomString(8, LOWERCASE), '@customer.example')");

        t.when(send(customerMailClient).message(MailMessage.request("${from}", "crm@test.local", "Do you sell pumps?")
                .body("Looking for 10 pumps.", "text/plain")));

        t.then(repeatOnError().until("i = 60").autoSleep(250L).actions(
                get("operator", "/api/v1/conversations/unmatched?size=200"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.items[?(@.firstSenderId == '${from}')].channel", "EMAIL")
                        .expression("$.items[?(@.firstSenderId == '${from}')].conversationId", "crm:${from}"))));
    }
}
