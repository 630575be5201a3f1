package com.crmhub.crm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes API writes that carry an {@code Idempotency-Key} safe to retry: the first request runs, later ones with the same
 * key and body get its stored response (marked {@code Idempotent-Replayed: true}); the same key with another body is 422,
 * and a retry while the first is still running is 409. Runs after authentication, so keys are per caller.
 *
 * <p>A claim whose request never finished (the hub was killed while running it) is taken over by a retry once it is
 * older than {@code hub.api.idempotency-claim-timeout}, so the client is not blocked for the whole retention. The
 * price: if the killed attempt had committed its work but not its stored response, the retry runs the request again —
 * harmless where the operation is idempotent in itself (winning a won deal is a 409), a second record for a create.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final ApiProperties properties;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, ApiProperties properties) {
        this.store = store;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(response, ApiExceptionHandler.badRequest(List.of(
                    new ApiExceptionHandler.FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"))));
            return;
        }
        // Security wraps the request again, so look for the buffered body beneath its wrappers.
        CachedBodyRequest cached = org.springframework.web.util.WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        byte[] body = cached != null ? cached.body() : new byte[0];
        String requestHash = IdempotencyStore.sha256(concat(request.getMethod() + " " + request.getRequestURI() + "\n", body));
        String id = IdempotencyStore.id(auth.getName(), key);

        Optional<IdempotencyStore.Stored> previous = store.find(id);
        if (previous.isEmpty() && !store.claim(id, auth.getName(), key, requestHash)) {
            previous = store.find(id);
        }
        if (previous.isPresent() && abandoned(previous.get(), id, requestHash)) {
            previous = Optional.empty();
        }
        if (previous.isPresent()) {
            replay(previous.get(), requestHash, response);
            return;
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status < 500) {
                store.complete(id, status, wrapper.getContentType(), wrapper.getHeader("Location"),
                        new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
                stored = true;
            }
        } finally {
            if (!stored) {
                // A failed attempt must not pin the key: the client's retry runs afresh.
                store.release(id);
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** An unfinished claim of this same request, old enough to be a dead one's, that this call has now taken over. */
    private boolean abandoned(IdempotencyStore.Stored stored, String id, String requestHash) {
        return !stored.completed() && stored.requestHash().equals(requestHash)
                && store.takeOverStale(id, requestHash, Instant.now().minus(properties.idempotencyClaimTimeout()));
    }

    private void replay(IdempotencyStore.Stored stored, String requestHash, HttpServletResponse response) throws IOException {
        if (!stored.requestHash().equals(requestHash)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "this Idempotency-Key was used for a different request");
            problem.setTitle("Idempotency-Key reused");
            problem.setProperty("field", HEADER);
            problems.write(response, problem);
            return;
        }
        if (!stored.completed()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "a request with this Idempotency-Key is still being processed; retry later");
            problem.setTitle("Request in progress");
            problems.write(response, problem);
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
