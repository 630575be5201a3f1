package com.crmhub.routes.messaging;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.crmhub.crm.web.ApiExceptionHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The answers of the callback endpoints to what they refuse, each counted: 401 when the callback is not proven to come
 * from the platform for this hub (signature, timestamp, receive id), 400 naming the field when a parameter is missing
 * or the content is malformed, 404 for an app the hub does not know, 503 when the callback could not be stored (the
 * platform retries). Always problem+json, never a stack trace, and nothing of the payload in the log.
 */
@Component
class CallbackResponses {

    private static final Logger log = LoggerFactory.getLogger(CallbackResponses.class);

    private final CallbackMetrics metrics;

    CallbackResponses(CallbackMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param encryptedField the name of the encrypted field in this channel's envelope ({@code Encrypt}, {@code encrypt})
     */
    ResponseEntity<Object> rejected(String channel, CallbackRejectedException e, String encryptedField) {
        CallbackRejection reason = e.reason();
        metrics.rejected(channel, reason);
        log.warn("{} callback refused: {} ({})", channel, reason, e.getMessage());
        return switch (reason) {
            case BAD_SIGNATURE, STALE_TIMESTAMP, WRONG_RECEIVE_ID -> unauthorized(reason);
            case BAD_BASE64, BAD_PADDING, LENGTH_BEYOND_BUFFER -> badRequest(encryptedField, e.getMessage());
            // Missing parameters are caught before the codecs; what is left is a timestamp that is not a number.
            case BAD_PARAMETER -> badRequest("timestamp", e.getMessage());
            case MALFORMED_XML, MALFORMED_JSON -> badRequest("body", e.getMessage());
        };
    }

    /** A required query parameter or header is absent or empty. */
    ResponseEntity<Object> missing(String channel, String field) {
        metrics.rejected(channel, CallbackRejection.BAD_PARAMETER);
        log.warn("{} callback refused: {} is missing", channel, field);
        return badRequest(field, "is required");
    }

    /** Decrypted and authentic, but not a message the hub can read. */
    ResponseEntity<Object> malformed(String channel, MalformedChatException e, CallbackRejection reason) {
        metrics.rejected(channel, reason);
        log.warn("{} callback refused: {}", channel, e.problem());
        return badRequest(e.field(), e.problem());
    }

    ResponseEntity<Object> unknown(String channel, String what) {
        metrics.rejected(channel, "UNKNOWN_APP");
        log.warn("{} callback for {}, which is not configured", channel, what);
        return problem(HttpStatus.NOT_FOUND, "no " + channel + " app " + what + " is configured on this hub");
    }

    ResponseEntity<Object> notStored(String channel, RuntimeException e) {
        metrics.rejected(channel, "STORE_FAILED");
        log.error("{} callback accepted but not stored, the platform will retry: {}", channel, e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the callback could not be stored; retry later");
    }

    private static ResponseEntity<Object> unauthorized(CallbackRejection reason) {
        String detail = switch (reason) {
            case STALE_TIMESTAMP -> "the timestamp is too far from now";
            case WRONG_RECEIVE_ID -> "the callback was encrypted for another receiver";
            default -> "the signature does not match";
        };
        return problem(HttpStatus.UNAUTHORIZED, detail);
    }

    private static ResponseEntity<Object> badRequest(String field, String message) {
        ProblemDetail problem = ApiExceptionHandler.badRequest(List.of(new ApiExceptionHandler.FieldError(field,
                message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
