package com.crmhub.erp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the hub's ShipmentNotice service (another capability's work): records what the ERP simulator sends,
 * answers the first attempt of every notice with HTTP 503 so the simulator has to retry, then acknowledges.
 */
final class ShipmentNoticeStub {

    private static final Pattern NOTICE_ID = Pattern.compile("<(?:\\w+:)?noticeId>([^<]+)</");

    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private ShipmentNoticeStub(HttpServer server) {
        this.server = server;
    }

    static ShipmentNoticeStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ShipmentNoticeStub stub = new ShipmentNoticeStub(server);
            server.createContext("/notices", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.bodies.add(body);
                stub.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Matcher id = NOTICE_ID.matcher(body);
                String noticeId = id.find() ? id.group(1) : "?";
                int attempt = stub.attempts.computeIfAbsent(noticeId, k -> new AtomicInteger()).incrementAndGet();
                if (attempt == 1) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                byte[] ack = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<ShipmentNoticeAck xmlns=\"urn:erp:shipment-notices:v1\"><noticeId>" + noticeId
                        + "</noticeId><accepted>true</accepted></ShipmentNoticeAck></soap:Body></soap:Envelope>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
                exchange.sendResponseHeaders(200, ack.length);
                exchange.getResponseBody().write(ack);
                exchange.close();
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notices";
    }

    int attempts(String noticeId) {
        AtomicInteger count = attempts.get(noticeId);
        return count == null ? 0 : count.get();
    }

    String lastBodyFor(String noticeId) {
        return bodies.stream().filter(b -> b.contains(noticeId)).reduce((first, second) -> second).orElse(null);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<String> authorizations() {
        return authorizations;
    }

    void stop() {
        server.stop(0);
    }
}
