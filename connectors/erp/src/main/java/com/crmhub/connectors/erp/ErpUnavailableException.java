package com.crmhub.connectors.erp;

/**
 * The ERP could not be reached or did not answer properly (HTTP 5xx, connection refused or reset, a timeout, an
 * undeclared SOAP fault): the request may succeed later, and retrying it is safe because the ERP deduplicates orders
 * by externalRef.
 */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
