package com.crmhub.connectors.wecom;

/**
 * WeCom refused the call for a reason a retry does not change, carried as {@link #errcode()} and {@link #errmsg()}:
 * a bad secret (40001), no permission (48002), the hub's IP not allowed (60020), all recipients invalid (81013), a bad
 * parameter, ... Park the work for a person with the errcode.
 */
public final class WecomPermanentException extends WecomApiException {

    private static final long serialVersionUID = 1L;

    WecomPermanentException(String app, String operation, Integer errcode, String errmsg, String message) {
        super(app, operation, errcode, errmsg, message, null);
    }
}
