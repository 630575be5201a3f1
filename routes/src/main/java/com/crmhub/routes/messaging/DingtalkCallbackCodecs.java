package com.crmhub.routes.messaging;

import com.crmhub.connectors.dingtalk.DingtalkEventCodec;
import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.dingtalk.DingtalkRobotSignVerifier;
import java.time.Clock;
import java.util.Optional;

/**
 * The event-subscription codec and the robot sign verifier of the DingTalk robot app ({@code hub.dingtalk.robot-app});
 * both empty when no robot app is configured, and then the DingTalk callback endpoints answer 404.
 */
public class DingtalkCallbackCodecs {

    private final DingtalkEventCodec events;
    private final DingtalkRobotSignVerifier robot;

    public DingtalkCallbackCodecs(DingtalkProperties properties, Clock clock) {
        DingtalkProperties.RobotApp app = properties.robotApp();
        this.events = app == null ? null : new DingtalkEventCodec(app.token(), app.aesKey(), app.ownerKey(), clock);
        this.robot = app == null ? null : new DingtalkRobotSignVerifier(app.appSecret(), clock);
    }

    public Optional<DingtalkEventCodec> events() {
        return Optional.ofNullable(events);
    }

    public Optional<DingtalkRobotSignVerifier> robot() {
        return Optional.ofNullable(robot);
    }
}
