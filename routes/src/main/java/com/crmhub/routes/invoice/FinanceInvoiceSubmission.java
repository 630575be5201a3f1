package com.crmhub.routes.invoice;

import com.crmhub.canonical.Envelope;
import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.connectors.finance.FinanceInvoiceClient;
import com.crmhub.connectors.finance.FinanceRejectedException;
import com.crmhub.connectors.finance.FinanceUnavailableException;
import com.crmhub.connectors.finance.InvoiceReceipt;
import com.crmhub.crm.invoice.InvoiceReissueRequested;
import com.crmhub.crm.invoice.InvoiceService;
import com.crmhub.crm.order.OrderShipped;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.CanonicalValidator;
import com.crmhub.routes.shared.PermanentFailure;
import com.crmhub.routes.shared.RetryLater;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The steps of the order-to-finance flow: build the invoice request from the shipment and the CRM's current data,
 * hand it to the finance system, record that finance took it.
 */
@Component
class FinanceInvoiceSubmission {

    static final String ACTOR = "integration:finance";

    /** How long to hold back after a 429 that names no time. */
    private static final Duration WITHOUT_RETRY_AFTER = Duration.ofSeconds(1);

    private final CanonicalMessages messages;
    private final CanonicalValidator validator;
    private final ObjectMapper objectMapper;
    private final InvoiceService invoices;
    private final FinanceInvoiceClient finance;
    private final CircuitBreaker breaker;

    FinanceInvoiceSubmission(CanonicalMessages messages, CanonicalValidator validator, ObjectMapper objectMapper,
                             InvoiceService invoices, FinanceInvoiceClient finance,
                             @Qualifier(FinanceConnectorConfig.BREAKER) CircuitBreaker breaker) {
        this.messages = messages;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.invoices = invoices;
        this.finance = finance;
        this.breaker = breaker;
    }

    /**
     * Built anew on every delivery from the account as it is now, so a replay after an operator corrected the buyer's
     * data sends the corrected invoice under the same key.
     */
    Invoice invoiceRequest(String body) {
        Envelope<JsonNode> envelope = messages.read(body);
        OrderShipped shipped = messages.payload(envelope, "OrderShipped", OrderShipped.class);
        try {
            return SystemActor.callAs(ACTOR, () -> invoices.invoiceRequestFor(shipped));
        } catch (IllegalArgumentException | NotFoundException e) {
            throw new PermanentFailure("no invoice for order " + shipped.orderId() + ": " + e.getMessage(), e);
        }
    }

    /** The request an operator asked for again, as the CRM built it (new key, the buyer as it is now). */
    Invoice reissuedRequest(String body) {
        Envelope<JsonNode> envelope = messages.read(body);
        return messages.payload(envelope, "InvoiceReissueRequested", InvoiceReissueRequested.class).invoice();
    }

    /**
     * Posts the request through the breaker; while it is open this fails without calling finance. A request that is
     * not a valid canonical Invoice, however it was built, never leaves the hub.
     */
    InvoiceReceipt submit(Invoice invoice) {
        validator.require("Invoice", objectMapper.valueToTree(invoice));
        try {
            return breaker.executeSupplier(() -> finance.requestInvoice(invoice));
        } catch (FinanceRejectedException e) {
            String reason = e.getMessage() + (e.field() == null ? "" : " (" + e.field() + ")");
            SystemActor.runAs(ACTOR, () -> invoices.recordRejected(invoice.orderId(), reason));
            throw new PermanentFailure("finance refused invoice " + invoice.orderId() + ": " + reason, e);
        } catch (FinanceUnavailableException e) {
            if (!e.rateLimited()) {
                throw e;
            }
            Duration wait = e.retryAfter().orElse(WITHOUT_RETRY_AFTER);
            // Nothing goes to finance before the time it named: this message waits that long, the others too.
            breaker.transitionToOpenStateFor(wait.isZero() ? Duration.ofMillis(1) : wait);
            throw new RetryLater(e.getMessage(), wait, e);
        }
    }

    void requested(InvoiceReceipt receipt) {
        SystemActor.runAs(ACTOR, () -> invoices.recordRequested(receipt.externalRef(), receipt.invoiceId()));
    }
}
