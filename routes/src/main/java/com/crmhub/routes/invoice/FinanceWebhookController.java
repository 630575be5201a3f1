package com.crmhub.routes.invoice;

import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.connectors.finance.FinanceEventMapper;
import com.crmhub.connectors.finance.FinanceWebhookVerifier;
import com.crmhub.connectors.finance.MalformedFinanceEventException;
import com.crmhub.crm.invoice.InvoiceService;
import com.crmhub.crm.invoice.WebhookOutcome;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.web.ApiExceptionHandler;
import com.crmhub.routes.shared.CanonicalValidator;
import com.crmhub.routes.shared.InvalidMessageException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The finance system's webhook. The signature is checked on the raw bytes before anything is read (401 otherwise);
 * the event is stored and applied in one transaction before the 204, so an acknowledged event is never lost and one
 * finance repeats is recognised by its eventId. An event for an invoice the CRM does not know is stored for operators
 * and acknowledged (finance would otherwise repeat it forever). Every outcome is counted in
 * {@code hub.finance.webhooks}.
 */
@RestController
class FinanceWebhookController {

    static final String PATH = "/callbacks/finance";

    private static final Logger log = LoggerFactory.getLogger(FinanceWebhookController.class);

    private final FinanceWebhookVerifier verifier;
    private final FinanceEventMapper mapper;
    private final CanonicalValidator validator;
    private final ObjectMapper objectMapper;
    private final InvoiceService invoices;
    private final MeterRegistry meters;

    FinanceWebhookController(FinanceWebhookVerifier verifier, FinanceEventMapper mapper, CanonicalValidator validator,
                             ObjectMapper objectMapper, InvoiceService invoices, MeterRegistry meters) {
        this.verifier = verifier;
        this.mapper = mapper;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.invoices = invoices;
        this.meters = meters;
    }

    @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> receive(@RequestHeader(name = "X-Finance-Timestamp", required = false) String timestamp,
                                          @RequestHeader(name = "X-Finance-Signature", required = false) String signature,
                                          @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        FinanceWebhookVerifier.Result verdict = verifier.verify(timestamp, signature, raw);
        if (!verdict.isValid()) {
            count("unauthenticated", verdict.name());
            log.warn("finance webhook refused: {}", verdict);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "the X-Finance-Signature or X-Finance-Timestamp of this webhook is not valid");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        InvoiceEvent event;
        try {
            event = mapper.toCanonical(raw);
            validator.require("InvoiceEvent", objectMapper.valueToTree(event));
        } catch (MalformedFinanceEventException e) {
            return malformed(e.field(), e.getMessage());
        } catch (InvalidMessageException e) {
            return malformed("body", e.getMessage() + ": " + String.join("; ", e.errors()));
        }
        WebhookOutcome outcome = apply(event, new String(raw, StandardCharsets.UTF_8));
        count(outcome.name().toLowerCase(java.util.Locale.ROOT), event.type().name());
        log.info("finance event {} ({} of invoice {}): {}", event.eventId(), event.type(), event.invoiceId(), outcome);
        return ResponseEntity.noContent().build();
    }

    /**
     * Finance may deliver the same event twice at once, or two events of one invoice together: the loser of such a race
     * rolls back and tries again, and then sees the winner's work (a duplicate, or the newer invoice).
     */
    private WebhookOutcome apply(InvoiceEvent event, String raw) {
        for (int attempt = 1; ; attempt++) {
            try {
                return SystemActor.callAs(FinanceInvoiceSubmission.ACTOR, () -> invoices.applyEvent(event, raw));
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private ResponseEntity<ProblemDetail> malformed(String field, String message) {
        count("malformed", field);
        log.warn("finance webhook with a valid signature but a malformed body: {} ({})", message, field);
        ProblemDetail problem = ApiExceptionHandler.badRequest(List.of(new ApiExceptionHandler.FieldError(field,
                message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private void count(String outcome, String detail) {
        meters.counter("hub.finance.webhooks", "outcome", outcome, "detail", detail).increment();
    }
}
