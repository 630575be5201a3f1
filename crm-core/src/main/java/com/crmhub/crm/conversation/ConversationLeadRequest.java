package com.crmhub.crm.conversation;

import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Turns an unmatched conversation into a lead: who the customer is, as far as the chat told; no owner: the pool. */
public record ConversationLeadRequest(@NotBlank @Size(max = 100) String name,
                                      @Size(max = 200) String companyName,
                                      @Email @Size(max = EmailAddresses.MAX_LENGTH) String email,
                                      @Size(max = PhoneNumbers.MAX_INPUT_LENGTH) String mobile,
                                      @Size(max = 100) String owner) {
}
