package com.crmhub.connectors.dingtalk;

import java.util.OptionalInt;

/**
 * A custom-robot message DingTalk did not take, by what the caller should do about it: {@link DingtalkTransientException}
 * (retry soon), {@link DingtalkBackOffException} (retry later: too fast) or {@link DingtalkPermanentException} (the same
 * message will fail again). The message names the robot, the errcode and DingTalk's errmsg, never the access token,
 * the secret or the message text, so it is safe to log.
 */
public abstract sealed class DingtalkRobotException extends RuntimeException
        permits DingtalkTransientException, DingtalkBackOffException, DingtalkPermanentException {

    private static final long serialVersionUID = 1L;

    private final String robot;
    private final Integer errcode;
    private final String errmsg;

    DingtalkRobotException(String robot, Integer errcode, String errmsg, String message, Throwable cause) {
        super(message, cause);
        this.robot = robot;
        this.errcode = errcode;
        this.errmsg = errmsg;
    }

    static String describe(String robot, int errcode, String errmsg) {
        return "DingTalk robot " + robot + " refused the message: errcode " + errcode
                + (errmsg == null || errmsg.isBlank() ? "" : " (" + errmsg + ")");
    }

    /** The hub's name of the robot (a key of {@code hub.dingtalk.robots}). */
    public String robot() {
        return robot;
    }

    /** DingTalk's errcode; empty when no answer carried one (HTTP status, connection, the hub's own limit). */
    public OptionalInt errcode() {
        return errcode == null ? OptionalInt.empty() : OptionalInt.of(errcode);
    }

    /** DingTalk's errmsg, or null. */
    public String errmsg() {
        return errmsg;
    }
}
