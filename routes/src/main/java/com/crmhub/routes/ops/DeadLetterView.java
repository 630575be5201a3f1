package com.crmhub.routes.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A parked message as operators see it; {@code body} and {@code headers} only on the single view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(String id, String flow, String businessKey, String type, String messageId,
                             String reason, Integer attempts, String firstFailure, String lastFailure, Integer replays,
                             Object body, Map<String, Object> headers) {
}
