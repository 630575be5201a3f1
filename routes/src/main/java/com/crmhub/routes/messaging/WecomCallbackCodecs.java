package com.crmhub.routes.messaging;

import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomProperties;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One callback codec per WeCom app of {@code hub.wecom.apps}, by the app's name (the {@code {app}} of the URL). */
public class WecomCallbackCodecs {

    private final Map<String, WecomCallbackCodec> codecs = new TreeMap<>();

    public WecomCallbackCodecs(WecomProperties properties) {
        properties.apps().forEach((name, app) ->
                codecs.put(name, new WecomCallbackCodec(app.token(), app.encodingAesKey(), app.corpId())));
    }

    /** The app's codec; empty for an app the hub does not know. */
    public Optional<WecomCallbackCodec> forApp(String app) {
        return Optional.ofNullable(app == null ? null : codecs.get(app));
    }
}
