package com.crmhub.connectors.messaging.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The messaging simulator's admin API for sandbox users and black-box tests (ADMIN or OPERATOR; see the configuration):
 * make a customer write, a member add a contact, a chat mention the robot; see what the hub sent and which callbacks
 * it acknowledged; inject errcodes.
 */
@RestController
@RequestMapping(MessagingSimulatorConfiguration.ADMIN_PATH)
@ConditionalOnProperty(prefix = "hub.messaging-simulator", name = "enabled", havingValue = "true")
class MessagingSimulatorController {

    private final MessagingSimulator simulator;

    MessagingSimulatorController(MessagingSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping
    SimulatorState state() {
        return SimulatorState.of(simulator);
    }

    @GetMapping("/sent-messages")
    List<SentMessage> sentMessages() {
        return simulator.sentMessages();
    }

    @GetMapping("/api-calls")
    List<ApiCall> apiCalls() {
        return simulator.apiCalls();
    }

    @GetMapping("/callbacks")
    List<DeliveredCallback> callbacks() {
        return simulator.callbacks();
    }

    @GetMapping("/callbacks/{id}")
    DeliveredCallback callback(@PathVariable String id) {
        return simulator.callback(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no callback " + id));
    }

    @PostMapping("/wecom/{app}/messages")
    Map<String, String> customerText(@PathVariable String app, @Valid @RequestBody TextRequest request) {
        return callbackId(simulator.sendCustomerText(app, request.fromUser(), request.content()));
    }

    @PostMapping("/wecom/{app}/external-contacts")
    Map<String, String> externalContact(@PathVariable String app, @Valid @RequestBody ContactRequest request) {
        return callbackId(simulator.addExternalContact(app, request.userId(), request.externalUserId(),
                request.state()));
    }

    @PostMapping("/wecom/{app}/kf-messages")
    Map<String, String> kfMessages(@PathVariable String app, @Valid @RequestBody KfRequest request) {
        return callbackId(simulator.queueKfMessages(app, request.openKfId(), request.externalUserId(),
                request.contents()));
    }

    @PostMapping("/dingtalk/robot-messages")
    Map<String, String> robotMessage(@Valid @RequestBody RobotMessageRequest request) {
        return callbackId(simulator.robotMessage(request.conversationId(), request.conversationTitle(),
                request.senderNick(), request.senderStaffId(), request.content()));
    }

    @PostMapping("/dingtalk/events")
    Map<String, String> event(@Valid @RequestBody EventRequest request) {
        return callbackId(simulator.dingtalkEvent(request.eventType(),
                request.fields() == null ? Map.of() : request.fields()));
    }

    @PostMapping("/errcodes")
    SimulatorState injectErrcode(@Valid @RequestBody ErrcodeRequest request) {
        simulator.injectErrcode(request.api(), request.errcode(), request.calls());
        return state();
    }

    @PostMapping("/tokens/expire")
    SimulatorState expireTokens() {
        simulator.expireTokens();
        return state();
    }

    @PutMapping("/settings")
    SimulatorState settings(@Valid @RequestBody SettingsRequest request) {
        if (request.tokenExpiresInSeconds() != null) {
            simulator.tokenExpiresIn(Duration.ofSeconds(request.tokenExpiresInSeconds()));
        }
        if (request.kfPageSize() != null) {
            simulator.kfPageSize(request.kfPageSize());
        }
        return state();
    }

    @PostMapping("/invalid-users")
    SimulatorState invalidUser(@Valid @RequestBody InvalidUserRequest request) {
        simulator.markInvalidUser(request.userId());
        return state();
    }

    @PostMapping("/reset")
    SimulatorState reset() {
        simulator.reset();
        return state();
    }

    /** An unknown app name and the like: the caller's mistake. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static Map<String, String> callbackId(String id) {
        return Map.of("callbackId", id);
    }

    record TextRequest(@NotBlank @Size(max = 64) String fromUser, @NotBlank @Size(max = 2048) String content) {
    }

    record ContactRequest(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 64) String externalUserId,
                          @Size(max = 30) String state) {
    }

    record KfRequest(@NotBlank @Size(max = 64) String openKfId, @NotBlank @Size(max = 64) String externalUserId,
                     @NotNull @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 2048) String> contents) {
    }

    record RobotMessageRequest(@NotBlank @Size(max = 128) String conversationId,
                               @Size(max = 128) String conversationTitle, @NotBlank @Size(max = 64) String senderNick,
                               @Size(max = 64) String senderStaffId, @NotBlank @Size(max = 2048) String content) {
    }

    record EventRequest(@NotBlank @Size(max = 64) String eventType, Map<String, Object> fields) {
    }

    record ErrcodeRequest(@NotNull SimulatedApi api, @NotNull Integer errcode,
                          @NotNull @Min(0) @Max(10_000) Integer calls) {
    }

    record SettingsRequest(@Min(1) @Max(86_400) Long tokenExpiresInSeconds, @Min(1) @Max(1000) Integer kfPageSize) {
    }

    record InvalidUserRequest(@NotBlank @Size(max = 64) String userId) {
    }

    record SimulatorState(int sentMessages, int callbacks, int callbacksDelivered, int kfMessages,
                          Map<SimulatedApi, Integer> pendingErrcodes, long tokenExpiresInSeconds, int kfPageSize) {

        static SimulatorState of(MessagingSimulator simulator) {
            Map<SimulatedApi, Integer> pending = new EnumMap<>(SimulatedApi.class);
            for (SimulatedApi api : SimulatedApi.values()) {
                pending.put(api, simulator.pendingErrcodes(api));
            }
            List<DeliveredCallback> callbacks = simulator.callbacks();
            return new SimulatorState(simulator.sentMessages().size(), callbacks.size(),
                    (int) callbacks.stream().filter(DeliveredCallback::delivered).count(), simulator.kfMessageCount(),
                    pending, simulator.tokenExpiresIn().toSeconds(), simulator.kfPageSize());
        }
    }
}
