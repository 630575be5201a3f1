package com.crmhub.connectors.wecom;

import java.util.OptionalInt;

/**
 * A WeCom server API call that did not succeed, by what the caller should do about it: {@link WecomTransientException}
 * (retry soon), {@link WecomBackOffException} (retry, but slower), {@link WecomTokenException} (the token was refused
 * even after a fresh one) or {@link WecomPermanentException} (the same call will fail again). The message names the
 * app, the operation, the errcode and WeCom's errmsg, never a token, secret or message content, so it is safe to log.
 */
public abstract sealed class WecomApiException extends RuntimeException
        permits WecomTransientException, WecomBackOffException, WecomTokenException, WecomPermanentException {

    private static final long serialVersionUID = 1L;

    private final String app;
    private final String operation;
    private final Integer errcode;
    private final String errmsg;

    WecomApiException(String app, String operation, Integer errcode, String errmsg, String message, Throwable cause) {
        super(message, cause);
        this.app = app;
        this.operation = operation;
        this.errcode = errcode;
        this.errmsg = errmsg;
    }

    static String describe(String app, String operation, Integer errcode, String errmsg) {
        return "WeCom " + operation + " for app " + app + " failed: errcode " + errcode
                + (errmsg == null || errmsg.isBlank() ? "" : " (" + errmsg + ")");
    }

    /** The hub's name of the app (a key of {@code hub.wecom.apps}). */
    public String app() {
        return app;
    }

    /** The API called: {@code gettoken}, {@code message/send} or {@code kf/sync_msg}. */
    public String operation() {
        return operation;
    }

    /** WeCom's errcode; empty when the call failed before WeCom answered with one (HTTP status, connection). */
    public OptionalInt errcode() {
        return errcode == null ? OptionalInt.empty() : OptionalInt.of(errcode);
    }

    /** WeCom's errmsg, or null. */
    public String errmsg() {
        return errmsg;
    }
}
