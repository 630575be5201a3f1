package com.crmhub.bench.measure.inbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts WeCom callbacks to the hub's callback URL over real HTTP/1.1 (the JDK's client, kept-alive connections as a
 * platform's sender keeps them), the way WeCom posts them: XML body, signature, timestamp and nonce in the query.
 */
final class CallbackClient {

    private final HttpClient client;
    private final String url;

    CallbackClient(String hubBaseUrl, String app) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.url = hubBaseUrl + "/callbacks/wecom/" + app;
    }

    /** The answer's status; WeCom counts anything but 200 within 5 s as a failure and retries. */
    int post(BenchWecomApp.Callback callback) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?" + callback.query()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
