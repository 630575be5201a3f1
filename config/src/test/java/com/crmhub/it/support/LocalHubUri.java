package com.crmhub.it.support;

import org.citrusframework.endpoint.resolver.DynamicEndpointUriResolver;
import org.citrusframework.message.Message;
import org.springframework.core.env.Environment;

/**
 * Points a Citrus client at the hub under test. The hub listens on a random port that is known only once its web
 * server has started — after the endpoint beans were built — so the address is read from {@code local.server.port}
 * at every send. Request path and query parameters of the message are appended as Citrus usually does.
 */
final class LocalHubUri extends DynamicEndpointUriResolver {

    private final Environment environment;
    private final String basePath;

    LocalHubUri(Environment environment, String basePath) {
        this.environment = environment;
        this.basePath = basePath;
    }

    @Override
    public String resolveEndpointUri(Message message, String ignoredDefaultUri) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the hub's web server has not started: no local.server.port yet");
        }
        return super.resolveEndpointUri(message, "http://127.0.0.1:" + port + basePath);
    }
}
