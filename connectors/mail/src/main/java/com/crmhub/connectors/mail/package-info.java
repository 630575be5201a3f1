/** Mailboxes over IMAP and SMTP: MIME messages read into the canonical EmailMessage, and outbound mail written. */
package com.crmhub.connectors.mail;
