package com.crmhub.connectors.wecom;

/**
 * WeCom asks the hub to slow down: a frequency limit (errcode 45009), a concurrency limit (45033) or HTTP 429. Retrying
 * is right, but only after a pause that grows; hammering prolongs the limit.
 */
public final class WecomBackOffException extends WecomApiException {

    private static final long serialVersionUID = 1L;

    WecomBackOffException(String app, String operation, Integer errcode, String errmsg, String message) {
        super(app, operation, errcode, errmsg, message, null);
    }
}
