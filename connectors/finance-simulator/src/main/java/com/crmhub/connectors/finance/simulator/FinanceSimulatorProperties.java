package com.crmhub.connectors.finance.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The finance simulator ({@code hub.finance-simulator.*}); nothing of it exists unless {@code enabled=true}.
 *
 * @param clientId          the OAuth2 client the simulated finance system knows
 * @param clientSecret      that client's secret
 * @param tokenExpiresIn    how long an access token lives ({@code expires_in})
 * @param issueAfter        how long after a request the invoice is issued; 0 = only on request ({@code issueNow})
 * @param payAfter          how long after issuing the buyer pays the gross amount; 0 = only on request ({@code payNow})
 * @param webhookUrl        where invoice events go: an absolute URL, or a path on this hub's own port
 * @param webhookSecret     the HMAC-SHA256 key of {@code X-Finance-Signature}
 * @param webhookRetryDelay first wait before an undelivered event is sent again; doubles up to a minute, until a 2xx
 * @param rateLimit         requests per second the API accepts before answering 429; 0 = no limit
 * @param currencies        the currencies the finance system invoices in
 * @param taxRates          the VAT rates it accepts
 * @param seed              seed of the random faults ({@code failFraction}), so a run can be repeated
 */
@ConfigurationProperties("hub.finance-simulator")
public record FinanceSimulatorProperties(
        boolean enabled,
        @DefaultValue("crm-hub") String clientId,
        @DefaultValue("finance-simulator-secret") String clientSecret,
        @DefaultValue("300s") Duration tokenExpiresIn,
        @DefaultValue("5s") Duration issueAfter,
        @DefaultValue("10s") Duration payAfter,
        @DefaultValue("/callbacks/finance") String webhookUrl,
        @DefaultValue("finance-webhook-secret") String webhookSecret,
        @DefaultValue("1s") Duration webhookRetryDelay,
        @DefaultValue("0") int rateLimit,
        @DefaultValue({"CNY", "USD", "EUR"}) List<String> currencies,
        @DefaultValue({"0", "0.01", "0.03", "0.05", "0.06", "0.09", "0.13"}) List<BigDecimal> taxRates,
        @DefaultValue("42") long seed) {

    public FinanceSimulatorProperties {
        currencies = List.copyOf(currencies);
        taxRates = List.copyOf(taxRates);
    }

    @Override
    public String toString() {
        return "FinanceSimulatorProperties[enabled=" + enabled + ", clientId=" + clientId + ", tokenExpiresIn="
                + tokenExpiresIn + ", issueAfter=" + issueAfter + ", payAfter=" + payAfter + ", webhookUrl="
                + webhookUrl + ", rateLimit=" + rateLimit + ", currencies=" + currencies + ", secrets=******]";
    }
}
