package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.web.ApiExceptionHandler.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * One POST to a form, whatever its format: rate limits, validation, screening, then the canonical
 * {@link LeadCapture} stored and processed (or quarantined). The controller only renders the outcome.
 */
@Component
class FormIntake {

    private static final Pattern SUBMISSION_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

    private final FormRateLimits limits;
    private final FormInputValidator validator;
    private final FormTokens tokens;
    private final SubmissionScreening screening;
    private final FormSubmissions submissions;
    private final Clock clock;

    FormIntake(FormRateLimits limits, FormInputValidator validator, FormTokens tokens, SubmissionScreening screening,
               FormSubmissions submissions) {
        this.limits = limits;
        this.validator = validator;
        this.tokens = tokens;
        this.screening = screening;
        this.submissions = submissions;
        this.clock = Clock.systemUTC();
    }

    sealed interface Outcome {
    }

    record Limited(Duration retryAfter) implements Outcome {
    }

    record Invalid(List<FieldError> errors) implements Outcome {
    }

    record Accepted(FormSubmissions.Received received) implements Outcome {
    }

    /** Where the POST came from: the client address, its Referer and Origin headers (either may be null). */
    record Sender(String address, String referer, String origin) {
    }

    Outcome submit(FormDefinition form, FormInput posted, Sender sender) {
        Optional<Duration> wait = limits.acquire(sender.address(), form);
        if (wait.isPresent()) {
            return new Limited(wait.get());
        }
        FormInput input = posted.askedBy(form.settings());
        List<FieldError> errors = new java.util.ArrayList<>(validator.errors(form.settings(), input));
        if (input.submissionId() != null && !SUBMISSION_ID.matcher(input.submissionId()).matches()) {
            errors.add(new FieldError("submissionId", "must be 8 to 64 letters, digits, '-' or '_'"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Instant now = clock.instant();
        Optional<FormTokens.Rendered> rendered = tokens.verify(form.key(), input.token());
        Optional<String> suspicion = screening.suspicion(input, rendered, now);
        LeadCapture capture = new LeadCapture(form.key(), submissionId(input, rendered),
                input.value(FormField.NAME), input.value(FormField.COMPANY), input.value(FormField.EMAIL),
                input.value(FormField.MOBILE), input.value(FormField.PROVINCE), input.value(FormField.INDUSTRY),
                input.value(FormField.MESSAGE), input.consent(), Texts.cut(sender.referer(), 500),
                Texts.cut(sender.origin(), 200), now);
        return new Accepted(submissions.receive(form, capture, suspicion, sender.address()));
    }

    /** The page's id when its token is valid, else the sender's own (JSON), else a new one. */
    private static String submissionId(FormInput input, Optional<FormTokens.Rendered> rendered) {
        if (rendered.isPresent()) {
            return rendered.get().submissionId();
        }
        return input.submissionId() != null ? input.submissionId() : UUID.randomUUID().toString();
    }
}
