package com.crmhub.connectors.finance;

import java.time.Clock;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The hub's client-credentials token for the finance system, kept by Spring Security's OAuth2 client: fetched on first
 * use, reused while valid, replaced {@code tokenRefreshSkew} before it expires. {@link #discard()} drops it (after a 401
 * invalid_token) so that the next {@link #bearer()} fetches a new one. One token for the whole hub, not per user.
 */
class FinanceTokens {

    private static final String REGISTRATION = "finance";
    private static final String PRINCIPAL = "crm-hub";

    private final InMemoryOAuth2AuthorizedClientService store;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest request =
            OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build();

    FinanceTokens(FinanceProperties properties, ClientHttpRequestFactory requestFactory, Clock clock) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                // The contract takes client_id and client_secret as form fields.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .tokenUri(FinanceInvoiceClient.trimSlash(properties.baseUrl()) + "/oauth/token")
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        this.store = new InMemoryOAuth2AuthorizedClientService(registrations);

        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requestFactory)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient);
        provider.setClockSkew(properties.tokenRefreshSkew());
        provider.setClock(clock);

        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, store);
        manager.setAuthorizedClientProvider(provider);
    }

    /**
     * The current access token, fetched if there is none or it (nearly) expired.
     *
     * @throws FinanceUnavailableException the token endpoint refused (e.g. bad client credentials) or was unreachable
     */
    String bearer() {
        try {
            OAuth2AuthorizedClient client = manager.authorize(request);
            if (client == null) {
                throw new FinanceUnavailableException("finance token endpoint gave no token", null);
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException e) {
            // Bad client credentials are a configuration error, not the invoice's fault: transient for the flow.
            throw new FinanceUnavailableException("finance token request refused: " + e.getError().getErrorCode(), e);
        } catch (RestClientException e) {
            throw new FinanceUnavailableException("finance token endpoint unreachable: " + e.getMessage(), e);
        }
    }

    /** Forgets the current token: the finance system no longer accepts it. */
    void discard() {
        store.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
    }
}
