package com.crmhub.connectors.dingtalk;

import java.time.Duration;
import java.util.Optional;

/**
 * Too fast for the robot: DingTalk answered 130101 (more than 20 messages a minute; it then mutes the robot for a
 * while), or the hub's own limit refused to send ({@link #hubLimit()}; nothing reached DingTalk). Retry later, after
 * {@link #retryAfter()} when known.
 */
public final class DingtalkBackOffException extends DingtalkRobotException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    private final boolean hubLimit;

    DingtalkBackOffException(String robot, Integer errcode, String errmsg, String message, Duration retryAfter,
                             boolean hubLimit) {
        super(robot, errcode, errmsg, message, null);
        this.retryAfter = retryAfter;
        this.hubLimit = hubLimit;
    }

    /** When the robot's next message may go: known for the hub's own limit, not for DingTalk's 130101. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when the hub held the message back itself; false when DingTalk refused it. */
    public boolean hubLimit() {
        return hubLimit;
    }
}
