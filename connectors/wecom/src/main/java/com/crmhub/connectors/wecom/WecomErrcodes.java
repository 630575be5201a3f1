package com.crmhub.connectors.wecom;

/**
 * What a WeCom errcode means for the caller. WeCom answers errors with HTTP 200, so every answer's errcode is read
 * before its payload.
 */
final class WecomErrcodes {

    static final int OK = 0;
    static final int BUSY = -1;
    static final int INVALID_TOKEN = 40014;
    static final int TOKEN_EXPIRED = 42001;
    static final int FREQUENCY_LIMIT = 45009;
    static final int CONCURRENCY_LIMIT = 45033;

    enum Kind { OK, TRANSIENT, BACK_OFF, TOKEN, PERMANENT }

    private WecomErrcodes() {
    }

    static Kind classify(int errcode) {
        return switch (errcode) {
            case OK -> Kind.OK;
            case BUSY -> Kind.TRANSIENT;
            case FREQUENCY_LIMIT, CONCURRENCY_LIMIT -> Kind.BACK_OFF;
            case INVALID_TOKEN, TOKEN_EXPIRED -> Kind.TOKEN;
            // Everything else is WeCom judging the call itself (secret, permission, IP, recipients, parameters).
            default -> Kind.PERMANENT;
        };
    }

    /** The typed exception for a non-zero errcode. */
    static WecomApiException failure(String app, String operation, int errcode, String errmsg) {
        String message = WecomApiException.describe(app, operation, errcode, errmsg);
        return switch (classify(errcode)) {
            case TRANSIENT -> new WecomTransientException(app, operation, errcode, errmsg, message, null);
            case BACK_OFF -> new WecomBackOffException(app, operation, errcode, errmsg, message);
            case TOKEN -> new WecomTokenException(app, operation, errcode, errmsg, message);
            case PERMANENT -> new WecomPermanentException(app, operation, errcode, errmsg, message);
            case OK -> throw new IllegalArgumentException("errcode 0 is no failure");
        };
    }
}
