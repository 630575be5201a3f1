package com.crmhub.connectors.wecom;

/**
 * Not now: WeCom is busy (errcode -1), answered HTTP 5xx or something unreadable, or could not be reached in time.
 * The same call may well succeed if retried.
 */
public final class WecomTransientException extends WecomApiException {

    private static final long serialVersionUID = 1L;

    WecomTransientException(String app, String operation, Integer errcode, String errmsg, String message,
                            Throwable cause) {
        super(app, operation, errcode, errmsg, message, cause);
    }
}
