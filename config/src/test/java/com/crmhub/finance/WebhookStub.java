package com.crmhub.finance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The hub's finance webhook, stubbed with the JDK's HTTP server: records every POST, and fails the next N with 500. */
final class WebhookStub {

    record Received(String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    private WebhookStub(HttpServer server) {
        this.server = server;
    }

    static WebhookStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookStub stub = new WebhookStub(server);
            server.createContext("/callbacks/finance", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Finance-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Finance-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
                int status = stub.failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/finance";
    }

    void failNext(int requests) {
        failures.set(requests);
    }

    List<Received> receivedFor(String invoiceId) {
        return received.stream().filter(r -> r.body().contains("\"" + invoiceId + "\"")).toList();
    }

    void stop() {
        server.stop(0);
    }
}
