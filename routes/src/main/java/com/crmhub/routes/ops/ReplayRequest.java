package com.crmhub.routes.ops;

import com.fasterxml.jackson.databind.JsonNode;

/** Replays a dead letter, optionally with a corrected canonical payload (validated against the flow's schema). */
record ReplayRequest(JsonNode payload) {
}
