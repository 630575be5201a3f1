package com.crmhub.crm.outboundemail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A mail to a contact: a subject and a text, or a template ({@code contact/<template>} under mail-templates) with its
 * variables, whose subject a given {@code subject} overrides. {@code cc}: further addresses, at most 10.
 */
public record OutboundEmailRequest(@Size(max = 300) String subject,
                                   @Size(max = 100_000) String text,
                                   @Pattern(regexp = "[a-z0-9-]{1,60}", message = "letters, digits and '-'") String template,
                                   @Size(max = 50) Map<@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,39}",
                                           message = "a variable name is letters and digits") String,
                                           @Size(max = 2000) String> variables,
                                   @Size(max = 10) List<@NotBlank @Email @Size(max = 254) String> cc) {

    public OutboundEmailRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }
}
