package com.crmhub.it;

import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.it.support.FinanceEndToEndSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.message.MessageType;
import org.citrusframework.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Citrus as the finance system sending invoice events to the hub's webhook, for an invoice the hub requested from
 * Citrus itself. Each event is signed as finance signs it — HMAC-SHA256 with the webhook secret the hub is configured
 * with over {@code timestamp + "." + body} — unless the test forges it. A genuine event is applied once however often it
 * comes; a forged, stale or malformed one is refused and leaves no trace; one for an invoice the hub does not know is
 * acknowledged and changes nothing.
 */
class FinanceWebhookIT extends FinanceEndToEndSupport {

    private static final String ISSUED_EVENT = "finance/InvoiceEvent.json";

    @Autowired
    HttpClient financeWebhookClient;
    @Value("${hub.finance.webhook-secret}")
    String webhookSecret;

    @Test
    @CitrusTest
    void anIssuedInvoiceInvoicesTheOrderOnceAndTheSameEventAgainHasNoSecondEffect(@CitrusResource TestCaseRunner t) {
        requestedInvoice(t);
        t.variable("eventId", "citrus:randomUUID()");
        t.variable("invoiceNumber", "citrus:concat('2644', citrus:randomNumber(16))");

        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "INVOICED")
                .expression("$.invoices[0].status", "ISSUED")
                .expression("$.invoices[0].invoiceNumber", "${invoiceNumber}")));
        expectOneIssuedEntryOnTheDeal(t);

        // Finance delivers the event again (its retry, signed anew): acknowledged, and nothing happens twice.
        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "INVOICED")
                .expression("$.history[?(@.to == 'INVOICED')].to", "INVOICED")
                .expression("$.invoices.size()", 1)));
        expectOneIssuedEntryOnTheDeal(t);
    }

    @Test
    @CitrusTest
    void eventsWithAForgedSignatureOrAStaleTimestampAreRefusedAndLeaveNoTrace(@CitrusResource TestCaseRunner t) {
        requestedInvoice(t);
        t.variable("eventId", "citrus:randomUUID()");
        t.variable("invoiceNumber", "citrus:concat('2644', citrus:randomNumber(16))");

        sendWebhook(t, ISSUED_EVENT, "not-the-webhook-secret", 0);
        expectUnauthorized(t);
        // Signed properly, but 301 s ago: one second beyond what the hub accepts.
        sendWebhook(t, ISSUED_EVENT, webhookSecret, 301);
        expectUnauthorized(t);
        expectStillRequested(t);

        // Neither was taken for the event: the genuine one, same eventId, is applied.
        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "INVOICED")
                .expression("$.invoices[0].invoiceNumber", "${invoiceNumber}")));
    }

    @Test
    @CitrusTest
    void aMalformedEventWithAValidSignatureIsRefusedNamingTheFieldAndLeavesNoTrace(@CitrusResource TestCaseRunner t) {
        requestedInvoice(t);
        t.variable("eventId", "citrus:randomUUID()");
        t.variable("invoiceNumber", "citrus:concat('2644', citrus:randomNumber(16))");

        // Not JSON at all (cut off mid-object)
        sendWebhook(t, "finance/InvoiceEventMalformed.json", webhookSecret, 0);
        expectBadRequest(t, "body");
        // JSON, but no invoice in it
        sendWebhook(t, "finance/InvoiceEventWithoutInvoice.json", webhookSecret, 0);
        expectBadRequest(t, "invoice");
        expectStillRequested(t);

        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.invoices[0].status", "ISSUED")));
    }

    @Test
    @CitrusTest
    void anEventForAnInvoiceTheHubDoesNotKnowIsAcknowledgedAndChangesNothing(@CitrusResource TestCaseRunner t) {
        requestedInvoice(t);
        t.variable("requestedInvoiceId", "${invoiceId}");
        // An invoice finance has, under an id and an order reference the hub never used.
        t.variable("invoiceId", "citrus:concat('INV-UNKNOWN-', citrus:randomNumber(10))");
        t.variable("externalRef", "citrus:concat('ORD-UNKNOWN-', citrus:randomNumber(10))");
        t.variable("eventId", "citrus:randomUUID()");
        t.variable("invoiceNumber", "citrus:concat('2644', citrus:randomNumber(16))");

        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);
        // Finance would repeat an event it got no 2xx for; this one it need not, and may anyway.
        sendWebhook(t, ISSUED_EVENT, webhookSecret, 0);
        expectAcknowledged(t);

        expectStillRequested(t);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.invoices.size()", 1)
                .expression("$.invoices[0].financeInvoiceId", "${requestedInvoiceId}")));
    }

    /**
     * Posts a body template (variables replaced) to the hub's webhook as finance would: X-Finance-Timestamp
     * {@code ageSeconds} before now, X-Finance-Signature over exactly the bytes sent, with {@code secret}.
     */
    private void sendWebhook(TestCaseRunner t, String bodyTemplate, String secret, long ageSeconds) {
        t.when(context -> {
            String body;
            try {
                body = context.replaceDynamicContentInString(FileUtils.readToString(template(bodyTemplate)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String timestamp = Long.toString(Instant.now().minusSeconds(ageSeconds).getEpochSecond());
            context.setVariable("webhookBody", body);
            context.setVariable("webhookTimestamp", timestamp);
            context.setVariable("webhookSignature", signature(secret, timestamp, body));
        });
        t.when(http().client(financeWebhookClient).send().post()
                .message()
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .header("X-Finance-Timestamp", "${webhookTimestamp}")
                .header("X-Finance-Signature", "${webhookSignature}")
                .body("${webhookBody}"));
    }

    /** The finance contract's signature: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    private static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** 204: stored (and applied, or recognised as done). */
    private void expectAcknowledged(TestCaseRunner t) {
        t.then(http().client(financeWebhookClient).receive().response(HttpStatus.NO_CONTENT));
    }

    /** 401 problem+json: the signature or the timestamp is not finance's. */
    private void expectUnauthorized(TestCaseRunner t) {
        t.then(http().client(financeWebhookClient).receive().response(HttpStatus.UNAUTHORIZED)
                .message()
                .type(MessageType.JSON)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .validate(jsonPath().expression("$.status", 401)));
    }

    /** 400 problem+json naming the offending field. */
    private void expectBadRequest(TestCaseRunner t, String field) {
        t.then(http().client(financeWebhookClient).receive().response(HttpStatus.BAD_REQUEST)
                .message()
                .type(MessageType.JSON)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .validate(jsonPath()
                        .expression("$.status", 400)
                        .expression("$.field", field)
                        .expression("$.errors[0].field", field)));
    }

    /** The order and its invoice as before any event: shipped, invoice requested, no invoice number. */
    private void expectStillRequested(TestCaseRunner t) {
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "SHIPPED")
                .expression("$.invoices[0].status", "REQUESTED")
                .expression("$.invoices[?(@.invoiceNumber)].size()", 0)));
    }

    /** Exactly one entry (a single match is the entry itself; two would be a list of them). */
    private void expectOneIssuedEntryOnTheDeal(TestCaseRunner t) {
        t.then(get("sales_east1", "/api/v1/deals/${dealId}/timeline?size=100"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.title =~ /Invoice ${invoiceNumber} issued.*/)].title",
                        "Invoice ${invoiceNumber} issued: 1130.00 CNY")));
    }
}
