package com.crmhub.connectors.erp.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the hub's ShipmentNotice service: counts the deliveries of each notice and acknowledges them, or
 * answers 503 while told to refuse, so the simulator has to send again.
 */
final class NoticeReceiver implements AutoCloseable {

    private static final Pattern NOTICE_ID = Pattern.compile("<(?:\\w+:)?noticeId>([^<]+)</");

    private final HttpServer server;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private volatile boolean refusing;

    NoticeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notices", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher id = NOTICE_ID.matcher(body);
            String noticeId = id.find() ? id.group(1) : "?";
            deliveries.computeIfAbsent(noticeId, k -> new AtomicInteger()).incrementAndGet();
            if (refusing) {
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
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notices";
    }

    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** How often this notice reached the receiver, refused deliveries included. */
    int deliveries(String noticeId) {
        AtomicInteger count = deliveries.get(noticeId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
