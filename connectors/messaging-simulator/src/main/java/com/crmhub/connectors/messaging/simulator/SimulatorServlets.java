package com.crmhub.connectors.messaging.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** What both simulated APIs share: a bounded JSON body in, a JSON answer out under HTTP 200. */
final class SimulatorServlets {

    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorServlets() {
    }

    /** The request body as JSON; null when it is empty, too large or not JSON (the API answers its own errcode). */
    static JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length == 0 || bytes.length > MAX_BODY_BYTES) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    static void write(HttpServletResponse response, Map<String, Object> answer) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }

    static void notFound(HttpServletResponse response, String method, String path) throws IOException {
        response.setStatus(404);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("no such API: " + method + " " + path);
    }
}
