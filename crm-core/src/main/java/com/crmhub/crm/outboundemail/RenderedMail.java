package com.crmhub.crm.outboundemail;

/** A mail's subject and parts as they will be sent; {@code html} may be null (text only). */
public record RenderedMail(String subject, String text, String html) {
}
