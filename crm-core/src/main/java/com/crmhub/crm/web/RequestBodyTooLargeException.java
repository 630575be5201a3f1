package com.crmhub.crm.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds {@code hub.api.max-body-size}. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("exceeds the limit of " + limit + " bytes");
    }
}
