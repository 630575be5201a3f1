package com.crmhub.routes.messaging;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomMessage;
import com.crmhub.routes.shared.FlowProperties;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.JmsException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback URL of each WeCom app ({@code hub.wecom.apps.<app>}): URL verification (GET) and encrypted messages
 * and events (POST). A POST is verified, decrypted and read while WeCom waits, then stored on the
 * {@code wecom-inbound} flow's queue — persistent, de-duplicated by the message's dedup key — and only then answered
 * "success": well within WeCom's 5 seconds, and a retry of a stored callback is acknowledged without a second effect.
 * Everything else happens in {@link WecomInboundRoute}.
 */
@RestController
class WecomCallbackController {

    static final String PATH = "/callbacks/wecom/{app}";
    static final String CHANNEL = "wecom";
    static final String APP_HEADER = "hubApp";

    private static final Logger log = LoggerFactory.getLogger(WecomCallbackController.class);

    private final WecomCallbackCodecs codecs;
    private final WecomChatMapper mapper;
    private final CallbackStore store;
    private final CallbackResponses responses;
    private final CallbackMetrics metrics;
    private final FlowProperties.Flow flow;

    WecomCallbackController(WecomCallbackCodecs codecs, WecomChatMapper mapper, CallbackStore store,
                            CallbackResponses responses, CallbackMetrics metrics, FlowProperties flows) {
        this.codecs = codecs;
        this.mapper = mapper;
        this.store = store;
        this.responses = responses;
        this.metrics = metrics;
        this.flow = flows.flow(WecomInboundRoute.ROUTE_ID).orElseThrow(() -> new IllegalStateException(
                "hub.flows has no " + WecomInboundRoute.ROUTE_ID + " entry"));
    }

    /** URL verification: the decrypted echostr, as text/plain. */
    @GetMapping(path = PATH)
    ResponseEntity<Object> verifyUrl(@PathVariable String app,
                                     @RequestParam(name = "msg_signature", required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        Optional<WecomCallbackCodec> codec = codecs.forApp(app);
        if (codec.isEmpty()) {
            return responses.unknown(CHANNEL, app);
        }
        Optional<String> missing = firstMissing(Map.of("msg_signature", nz(signature), "timestamp", nz(timestamp),
                "nonce", nz(nonce), "echostr", nz(echostr)));
        if (missing.isPresent()) {
            return responses.missing(CHANNEL, missing.get());
        }
        try {
            String plain = codec.get().verifyUrl(signature, timestamp, nonce, echostr);
            metrics.count(CHANNEL, "verified", CallbackMetrics.NONE);
            log.info("WeCom app {} verified its callback URL", app);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(plain);
        } catch (CallbackRejectedException e) {
            return responses.rejected(CHANNEL, e, "echostr");
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE)
    ResponseEntity<Object> receive(@PathVariable String app,
                                   @RequestParam(name = "msg_signature", required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestBody(required = false) byte[] body) {
        Optional<WecomCallbackCodec> codec = codecs.forApp(app);
        if (codec.isEmpty()) {
            return responses.unknown(CHANNEL, app);
        }
        Optional<String> missing = firstMissing(Map.of("msg_signature", nz(signature), "timestamp", nz(timestamp),
                "nonce", nz(nonce)));
        if (missing.isPresent()) {
            return responses.missing(CHANNEL, missing.get());
        }
        String innerXml;
        WecomMessage message;
        WecomCallbackType type;
        try {
            innerXml = codec.get().decryptMessage(signature, timestamp, nonce,
                    body == null ? "" : new String(body, StandardCharsets.UTF_8));
            message = codec.get().parseMessage(innerXml);
            type = WecomCallbackType.of(message);
            check(app, message, type);
        } catch (CallbackRejectedException e) {
            return responses.rejected(CHANNEL, e, "Encrypt");
        } catch (MalformedChatException e) {
            return responses.malformed(CHANNEL, e, CallbackRejection.MALFORMED_XML);
        }
        try {
            store.store(new CallbackStore.StoredCallback(flow.queue(), "wecom:" + app + ":" + message.dedupKey(),
                    type.hubType, group(app, type, message), Map.of(APP_HEADER, app), innerXml));
        } catch (JmsException e) {
            return responses.notStored(CHANNEL, e);
        }
        metrics.count(CHANNEL, "stored", type.hubType);
        log.info("WeCom app {}: stored {}", app, message);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }

    /** Refuses now, while WeCom still gets an answer, what the flow could only park later. */
    private void check(String app, WecomMessage message, WecomCallbackType type) {
        switch (type) {
            case MEMBER_MESSAGE -> mapper.memberMessage(app, message);
            case CONTACT_ADDED -> mapper.contactAdded(message);
            case KF_NOTICE -> {
                if (message.openKfId() == null) {
                    throw new MalformedChatException("OpenKfId", "is required");
                }
            }
            case OTHER_EVENT -> {
                // Acknowledged and ignored by the flow: nothing to check.
            }
        }
    }

    /**
     * Callbacks of one group are processed one at a time, in the order WeCom sent them. An app's events and
     * customer-service notices share one group: a customer added by a member and that customer's first message arrive
     * within milliseconds, and processed side by side the message would be archived as unmatched while the link that
     * would have matched it is not yet committed (a pull also shares its account's cursor). A member's own messages to
     * the app depend on no such link and go to that member's thread alone, so they are grouped per member: one thread's
     * messages stay in order, and different members' are archived side by side instead of queueing behind one
     * consumer (measurement 5 of the benchmark: archiving, not the endpoint, bounded the callbacks a second).
     */
    static String group(String app, WecomCallbackType type, WecomMessage message) {
        return type == WecomCallbackType.MEMBER_MESSAGE ? "wecom:" + app + ":member:" + message.fromUserName()
                : "wecom:" + app;
    }

    private static Optional<String> firstMissing(Map<String, String> parameters) {
        return parameters.entrySet().stream().filter(p -> p.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .findFirst();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
