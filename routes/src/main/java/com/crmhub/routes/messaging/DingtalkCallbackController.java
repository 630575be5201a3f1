package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.crmhub.connectors.dingtalk.DingtalkCallbackQuery;
import com.crmhub.connectors.dingtalk.DingtalkEvent;
import com.crmhub.connectors.dingtalk.DingtalkEventCodec;
import com.crmhub.connectors.dingtalk.DingtalkRobotSignVerifier;
import com.crmhub.routes.shared.FlowProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.JmsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's callbacks to the robot app ({@code hub.dingtalk.robot-app}): event subscription over HTTP (signed,
 * encrypted, answered with the encrypted {@code success}; {@code check_url} answered and nothing stored) and robot
 * messages from chats ({@code timestamp}/{@code sign} headers). Accepted callbacks are stored on the
 * {@code dingtalk-inbound} flow's queue, persistent and de-duplicated, before the answer; {@link DingtalkInboundRoute}
 * does the rest.
 */
@RestController
class DingtalkCallbackController {

    static final String EVENTS_PATH = "/callbacks/dingtalk/events";
    static final String ROBOT_PATH = "/callbacks/dingtalk/robot";
    static final String CHANNEL = "dingtalk";
    static final String ROBOT_MESSAGE = "DingtalkRobotMessage";
    static final String EVENT = "DingtalkEvent";
    /** Event callbacks older or newer than this are refused, as robot messages are: a captured one cannot be replayed. */
    static final Duration EVENT_TOLERANCE = DingtalkRobotSignVerifier.TOLERANCE;

    private static final Logger log = LoggerFactory.getLogger(DingtalkCallbackController.class);

    private final DingtalkCallbackCodecs codecs;
    private final DingtalkRobotMessageMapper mapper;
    private final CallbackStore store;
    private final CallbackResponses responses;
    private final CallbackMetrics metrics;
    private final Clock clock;
    private final FlowProperties.Flow flow;

    DingtalkCallbackController(DingtalkCallbackCodecs codecs, DingtalkRobotMessageMapper mapper, CallbackStore store,
                               CallbackResponses responses, CallbackMetrics metrics, ObjectProvider<Clock> clock,
                               FlowProperties flows) {
        this.codecs = codecs;
        this.mapper = mapper;
        this.store = store;
        this.responses = responses;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.flow = flows.flow(DingtalkInboundRoute.ROUTE_ID).orElseThrow(() -> new IllegalStateException(
                "hub.flows has no " + DingtalkInboundRoute.ROUTE_ID + " entry"));
    }

    @PostMapping(path = EVENTS_PATH, consumes = MediaType.ALL_VALUE)
    ResponseEntity<Object> event(@RequestParam Map<String, String> parameters,
                                 @RequestBody(required = false) byte[] body) {
        Optional<DingtalkEventCodec> codec = codecs.events();
        if (codec.isEmpty()) {
            return responses.unknown(CHANNEL, "robot app");
        }
        DingtalkCallbackQuery query = DingtalkCallbackQuery.of(parameters);
        if (blank(query.signature())) {
            return responses.missing(CHANNEL, "msg_signature");
        }
        if (blank(query.timestamp())) {
            return responses.missing(CHANNEL, "timeStamp");
        }
        if (blank(query.nonce())) {
            return responses.missing(CHANNEL, "nonce");
        }
        DingtalkEvent event;
        try {
            requireFresh(query.timestamp());
            event = codec.get().open(query, body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (CallbackRejectedException e) {
            return responses.rejected(CHANNEL, e, "encrypt");
        }
        if (event.isCheckUrl()) {
            metrics.count(CHANNEL, "verified", CallbackMetrics.NONE);
            log.info("DingTalk checked the event callback URL");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(codec.get().successReply());
        }
        try {
            // Events carry no id of their own; a repeat carries the same decrypted JSON.
            store.store(new CallbackStore.StoredCallback(flow.queue(), "dingtalk-event:" + sha256(event.json()), EVENT,
                    null, Map.of(), event.json()));
        } catch (JmsException e) {
            return responses.notStored(CHANNEL, e);
        }
        metrics.count(CHANNEL, "stored", EVENT);
        log.info("DingTalk: stored {}", event);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(codec.get().successReply());
    }

    @PostMapping(path = ROBOT_PATH, consumes = MediaType.ALL_VALUE)
    ResponseEntity<Object> robotMessage(@RequestHeader(name = "timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "sign", required = false) String sign,
                                        @RequestBody(required = false) byte[] body) {
        Optional<DingtalkRobotSignVerifier> verifier = codecs.robot();
        if (verifier.isEmpty()) {
            return responses.unknown(CHANNEL, "robot app");
        }
        if (blank(timestamp)) {
            return responses.missing(CHANNEL, "timestamp");
        }
        if (blank(sign)) {
            return responses.missing(CHANNEL, "sign");
        }
        String json = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        ChatMessage message;
        try {
            verifier.get().verify(timestamp, sign);
            message = mapper.toChatMessage(json);
        } catch (CallbackRejectedException e) {
            return responses.rejected(CHANNEL, e, "sign");
        } catch (MalformedChatException e) {
            return responses.malformed(CHANNEL, e, CallbackRejection.MALFORMED_JSON);
        }
        try {
            store.store(new CallbackStore.StoredCallback(flow.queue(), "dingtalk-robot:" + message.messageId(),
                    ROBOT_MESSAGE, "dingtalk:" + message.conversationId(), Map.of(), json));
        } catch (JmsException e) {
            return responses.notStored(CHANNEL, e);
        }
        metrics.count(CHANNEL, "stored", ROBOT_MESSAGE);
        log.info("DingTalk robot: stored {}", message);
        return ResponseEntity.ok().build();
    }

    private void requireFresh(String timestamp) {
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PARAMETER, "the timeStamp is not a number");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs().compareTo(EVENT_TOLERANCE) > 0) {
            throw new CallbackRejectedException(CallbackRejection.STALE_TIMESTAMP,
                    "the timeStamp is more than an hour from now");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
