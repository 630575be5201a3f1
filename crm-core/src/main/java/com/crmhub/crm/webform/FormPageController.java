package com.crmhub.crm.webform;

import com.crmhub.crm.web.ApiExceptionHandler;
import com.crmhub.crm.web.ApiExceptionHandler.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public, hosted forms. HTML for people (the page, the page again with messages per field, the thanks page) and
 * JSON for sites that post from their own pages. Pages may be framed only by the form's allowed origins
 * (Content-Security-Policy frame-ancestors) and run no script at all.
 */
@Controller
@RequestMapping("/forms")
class FormPageController {

    private final FormCatalogue catalogue;
    private final FormTokens tokens;
    private final FormIntake intake;

    FormPageController(FormCatalogue catalogue, FormTokens tokens, FormIntake intake) {
        this.catalogue = catalogue;
        this.tokens = tokens;
        this.intake = intake;
    }

    @GetMapping("/{key}")
    ModelAndView page(@PathVariable String key, HttpServletResponse response) {
        Optional<FormDefinition> form = catalogue.find(key);
        if (form.isEmpty()) {
            return notFound(response);
        }
        pageHeaders(response, form.get());
        return formView(form.get(), tokens.issue(key, Instant.now()), null, List.of(), HttpStatus.OK);
    }

    /** The form for a site that renders it itself: its fields, labels and a token for the submission. */
    @GetMapping(path = "/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<FormSchema> schema(@PathVariable String key) {
        FormDefinition form = catalogue.require(key);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(FormSchema.of(form, tokens.issue(key, Instant.now())));
    }

    @PostMapping(path = "/{key}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView submitPage(@PathVariable String key, @RequestParam Map<String, String> params,
                            HttpServletRequest request, HttpServletResponse response) {
        Optional<FormDefinition> found = catalogue.find(key);
        if (found.isEmpty()) {
            return notFound(response);
        }
        FormDefinition form = found.get();
        pageHeaders(response, form);
        FormInput input = FormInput.ofParams(params);
        FormIntake.Outcome outcome = intake.submit(form, input, sender(request));
        if (outcome instanceof FormIntake.Limited limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, seconds(limited.retryAfter()));
            return new ModelAndView("webform/unavailable", Map.of("title", form.settings().title(),
                    "language", form.settings().language(), "message",
                    "Too many submissions. Please try again in a minute."), HttpStatus.TOO_MANY_REQUESTS);
        }
        if (outcome instanceof FormIntake.Invalid invalid) {
            // 422: the request was understood, the person's input needs correcting; the page shows where.
            return formView(form, input.token(), input.askedBy(form.settings()), invalid.errors(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return new ModelAndView("webform/thanks", Map.of("title", form.settings().title(),
                "language", form.settings().language(), "message", form.settings().thanksMessage()), HttpStatus.OK);
    }

    /** JSON: 202 with the submission id (quarantined or not: a bot learns nothing), problem+json 400 naming fields. */
    @PostMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> submitJson(@PathVariable String key, @RequestBody FormPost post, HttpServletRequest request) {
        FormDefinition form = catalogue.require(key);
        FormIntake.Outcome outcome = intake.submit(form, post.toInput(), sender(request));
        if (outcome instanceof FormIntake.Limited limited) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "too many submissions; retry after " + seconds(limited.retryAfter()) + " s");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds(limited.retryAfter()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (outcome instanceof FormIntake.Invalid invalid) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.badRequest(invalid.errors()));
        }
        FormIntake.Accepted accepted = (FormIntake.Accepted) outcome;
        return ResponseEntity.accepted().body(new Receipt(accepted.received().submission().submissionId(),
                form.settings().thanksMessage()));
    }

    /** What a JSON sender learns: its submission's id and the thanks to show. */
    record Receipt(String submissionId, String message) {
    }

    private ModelAndView formView(FormDefinition form, String token, FormInput values, List<FieldError> errors,
                                  HttpStatus status) {
        return new ModelAndView("webform/form", Map.of("page", FormPage.of(form, token, values, errors)), status);
    }

    private static ModelAndView notFound(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy("'none'"));
        return new ModelAndView("webform/unavailable", Map.of("title", "Form not found", "language", "en",
                "message", "There is no such form."), HttpStatus.NOT_FOUND);
    }

    private static void pageHeaders(HttpServletResponse response, FormDefinition form) {
        List<String> origins = form.settings().allowedOrigins();
        response.setHeader("Content-Security-Policy",
                policy(origins.isEmpty() ? "'self'" : "'self' " + String.join(" ", origins)));
        // Each page carries a fresh token: never serve one from a cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /** No script, no outside resources, posts only back here; framing as the form allows. */
    static String policy(String frameAncestors) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + frameAncestors;
    }

    private static FormIntake.Sender sender(HttpServletRequest request) {
        return new FormIntake.Sender(request.getRemoteAddr(), request.getHeader(HttpHeaders.REFERER),
                request.getHeader(HttpHeaders.ORIGIN));
    }

    private static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
