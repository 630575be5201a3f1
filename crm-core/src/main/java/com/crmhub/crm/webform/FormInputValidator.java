package com.crmhub.crm.webform;

import com.crmhub.crm.contact.PhoneNumbers;
import com.crmhub.crm.lead.LeadRequest;
import com.crmhub.crm.web.ApiExceptionHandler.FieldError;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a submission against its form: required fields filled (consent ticked), lengths the lead takes, an e-mail
 * address as the lead API accepts it and a mobile that parses. One error per field, in the form's order.
 */
@Component
class FormInputValidator {

    private final Validator validator;

    FormInputValidator(Validator validator) {
        this.validator = validator;
    }

    List<FieldError> errors(FormSettings form, FormInput input) {
        List<FieldError> errors = new ArrayList<>();
        for (FormField field : form.fields()) {
            String problem = problem(form, field, input);
            if (problem != null) {
                errors.add(new FieldError(field.param(), problem));
            }
        }
        return errors;
    }

    private String problem(FormSettings form, FormField field, FormInput input) {
        if (field == FormField.CONSENT) {
            return form.requires(field) && !input.consent() ? "must be ticked" : null;
        }
        String value = input.value(field);
        if (value == null) {
            return form.requires(field) ? "is required" : null;
        }
        if (value.length() > field.maxLength()) {
            return "must be at most " + field.maxLength() + " characters";
        }
        if (field == FormField.EMAIL && !validator.validateValue(LeadRequest.class, "email", value).isEmpty()) {
            return "is not a valid e-mail address";
        }
        if (field == FormField.MOBILE && PhoneNumbers.toE164(value).isEmpty()) {
            return "is not a valid mobile number";
        }
        return null;
    }
}
