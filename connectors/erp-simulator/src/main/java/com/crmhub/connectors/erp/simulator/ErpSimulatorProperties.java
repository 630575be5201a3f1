package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.ErpProperties;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ERP simulator ({@code hub.erp-simulator.*}); nothing of it exists unless {@code enabled=true}.
 *
 * @param stock             the demo catalogue: units on hand per SKU (quote SKUs with dots or other symbols as
 *                          {@code "[SKU.1]"}); every other SKU is unknown to the simulated ERP
 * @param currencies        the currencies the simulated ERP accepts
 * @param shipAfter         how long after a (partly) reserved order the ERP ships it and sends a notice; 0 = never by
 *                          itself (ship through the API)
 * @param noticeUrl         where shipment notices go: an absolute URL, or a path on this hub's own port
 * @param noticeRetryDelay  first wait before a notice is sent again; doubles up to a minute, until accepted
 * @param auth              what the simulated ERP demands of callers: NONE, BASIC or WS_SECURITY (UsernameToken)
 * @param seed              seed of the random faults ({@code failFraction}), so a run can be repeated
 * @param journal           a file that keeps the books (stock, orders, notices) across restarts, also a SIGKILL; a
 *                          simulator starting on a non-empty journal takes its books from it, not from {@code stock};
 *                          unset: in memory only
 */
@ConfigurationProperties("hub.erp-simulator")
public record ErpSimulatorProperties(
        boolean enabled,
        Map<String, BigDecimal> stock,
        @DefaultValue({"CNY", "USD", "EUR"}) List<String> currencies,
        @DefaultValue("10s") Duration shipAfter,
        @DefaultValue("/services/erp/shipment-notices") String noticeUrl,
        String noticeUsername,
        String noticePassword,
        @DefaultValue("1s") Duration noticeRetryDelay,
        @DefaultValue("NONE") ErpProperties.Auth auth,
        String requiredUsername,
        String requiredPassword,
        @DefaultValue("SF Express") String carrier,
        @DefaultValue("42") long seed,
        Path journal) {

    public ErpSimulatorProperties {
        stock = stock == null ? Map.of() : Map.copyOf(stock);
        currencies = List.copyOf(currencies);
    }

    @Override
    public String toString() {
        return "ErpSimulatorProperties[enabled=" + enabled + ", stock=" + stock + ", shipAfter=" + shipAfter
                + ", noticeUrl=" + noticeUrl + ", noticeUsername=" + noticeUsername + ", auth=" + auth
                + ", requiredUsername=" + requiredUsername + ", journal=" + journal + ", passwords=******]";
    }
}
