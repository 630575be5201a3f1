/** A real SMTP/IMAP server (GreenMail) for the sandbox profile, so mail flows work on one machine. */
package com.crmhub.connectors.mail.simulator;
