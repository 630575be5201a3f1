package com.crmhub.connectors.wecom;

/**
 * WeCom refused the access token (errcode 40014 invalid, 42001 expired) although the client had just fetched a new one
 * and retried once. Usually configuration (two apps sharing a secret, a proxy caching gettoken) or WeCom's side: the
 * call itself was never judged.
 */
public final class WecomTokenException extends WecomApiException {

    private static final long serialVersionUID = 1L;

    WecomTokenException(String app, String operation, Integer errcode, String errmsg, String message) {
        super(app, operation, errcode, errmsg, message, null);
    }
}
