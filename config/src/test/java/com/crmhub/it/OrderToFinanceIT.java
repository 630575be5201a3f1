package com.crmhub.it;

import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.expectTimeout;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.it.support.FinanceEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.exceptions.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Citrus as the finance system: a shipped order becomes the hub's invoice request — a client-credentials token, then
 * the invoice under the order's externalRef as Idempotency-Key — and finance's answer shows on the order: accepted
 * (REQUESTED under finance's invoice id), rate-limited (asked again no sooner than Retry-After, under the same key) or
 * refused (REJECTED with finance's reason, and a dead letter after one attempt).
 */
class OrderToFinanceIT extends FinanceEndToEndSupport {

    @Test
    @CitrusTest
    void aShippedOrderIsRequestedFromFinanceWithATokenAndItsKeyAndShowsTheAcceptedInvoice(
            @CitrusResource TestCaseRunner t) {
        shippedOrder(t);

        receiveTokenRequest(t);
        receiveInvoiceRequest(t);
        acceptInvoice(t);

        awaitAcceptedInvoice(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "SHIPPED")
                .expression("$.invoices[0].invoiceKey", "${externalRef}")
                .expression("$.invoices[0].grossAmount", 1130.0)));
        t.then(expectTimeout(financeServer).timeout(1_000L));
    }

    @Test
    @CitrusTest
    void aRateLimitedRequestIsSentAgainNoSoonerThanRetryAfterUnderTheSameKey(@CitrusResource TestCaseRunner t) {
        shippedOrder(t);
        receiveTokenRequest(t);
        receiveInvoiceRequest(t);

        t.then(context -> context.setVariable("rateLimitedAt", System.currentTimeMillis()));
        t.then(http().server(financeServer).send().response(HttpStatus.TOO_MANY_REQUESTS)
                .message()
                .header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .body(template("finance/RateLimited.json")));

        // The hub's next contact with finance, its token request, already comes after Retry-After.
        receiveTokenRequest(t);
        t.then(context -> {
            long waited = Long.parseLong(context.getVariable("tokenRequestedAt"))
                    - Long.parseLong(context.getVariable("rateLimitedAt"));
            if (waited < 2_000) {
                throw new ValidationException("the hub called finance again after " + waited
                        + " ms; it was told to retry after 2 s");
            }
        });
        receiveInvoiceRequest(t);
        acceptInvoice(t);

        awaitAcceptedInvoice(t);
        t.then(get("operator", "/api/v1/ops/dead-letters?flow=order-to-finance"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$[?(@.businessKey == 'order:${externalRef}')].size()", 0)));
    }

    @Test
    @CitrusTest
    void aRefusedInvoiceIsRejectedWithFinancesReasonAndDeadLetteredAfterOneAttempt(@CitrusResource TestCaseRunner t) {
        shippedOrder(t);
        receiveTokenRequest(t);
        receiveInvoiceRequest(t);

        t.variable("rejectMessage", "no taxpayer is registered under ${creditCode}");
        t.then(http().server(financeServer).send().response(HttpStatus.UNPROCESSABLE_ENTITY)
                .message()
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .body(template("finance/ValidationFailed.json")));

        awaitInvoice(t, "REJECTED");
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "SHIPPED")
                .expression("$.invoices[0].rejectReason", "${rejectMessage} (buyer.taxId)")));

        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("operator", "/api/v1/ops/dead-letters?flow=order-to-finance"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$[?(@.businessKey == 'order:${externalRef}')].attempts", 1)
                        .expression("$[?(@.businessKey == 'order:${externalRef}')].reason",
                                "@contains('${rejectMessage}')@"))));
        // Refused for good: the hub does not ask again.
        t.then(expectTimeout(financeServer).timeout(2_000L));
    }
}
