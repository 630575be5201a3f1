package com.crmhub.it.support;

import jakarta.jms.ConnectionFactory;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.client.HttpClientBuilder;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.http.server.HttpServerBuilder;
import org.citrusframework.jms.endpoint.JmsEndpoint;
import org.citrusframework.jms.endpoint.JmsEndpointBuilder;
import org.citrusframework.mail.client.MailClient;
import org.citrusframework.mail.client.MailClientBuilder;
import org.citrusframework.message.ErrorHandlingStrategy;
import org.citrusframework.ws.client.WebServiceClient;
import org.citrusframework.ws.client.WebServiceClientBuilder;
import org.citrusframework.ws.server.WebServiceServer;
import org.citrusframework.ws.server.WebServiceServerBuilder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.ws.transport.http.ClientHttpRequestMessageSender;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.ws.soap.SoapMessageFactory;
import org.springframework.ws.soap.saaj.SaajSoapMessageFactory;

/**
 * Every endpoint through which the end-to-end tests play the outside systems. A {@code @TestConfiguration} (not a plain
 * {@code @Configuration}) so the hub's component scan never picks it up for the other tests; {@link HubEndToEndTest}
 * imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EndpointConfig {

    /** Won deals, as the order-to-ERP flow reads them: the deal-won queue on the crm.events address. */
    public static final String DEAL_WON_QUEUE = "crm.events::crm.events.test-deal-won";

    /** Where the ERP stand-in listens, {@code http://127.0.0.1:<port>}, for the hub's ERP address in ERP tests. */
    public static final String ERP_URL_PROPERTY = "it.erp.url";

    /** Where the finance stand-in listens, {@code http://127.0.0.1:<port>}, for the hub's finance address. */
    public static final String FINANCE_URL_PROPERTY = "it.finance.url";

    /** Where the WeCom server stand-in listens, {@code http://127.0.0.1:<port>}, for the hub's WeCom API root. */
    public static final String WECOM_URL_PROPERTY = "it.wecom.url";

    private static final long TIMEOUT_MILLIS = 15_000;

    /**
     * The hub's REST API, as web forms, salespeople and the admin call it. Authenticates per request (each test
     * chooses the user: {@link HubUsers#basicAuth}); 4xx and 5xx answers come back as messages to validate.
     */
    @Bean
    public HttpClient hubClient(Environment environment) {
        return clientOfTheHub(environment, "", MediaType.APPLICATION_JSON_VALUE);
    }

    /** A customer's mail program: SMTP to the mail simulator (on a free port), whose mailbox the hub reads. */
    @Bean
    public MailClient customerMailClient(Environment environment) {
        return new MailClientBuilder()
                .host("127.0.0.1")
                .port(environment.getRequiredProperty("hub.mail-simulator.smtp-port", Integer.class))
                .build();
    }

    /** The embedded broker's deal-won queue, through the hub's own connection factory. Receive with a selector. */
    @Bean
    public JmsEndpoint dealWonEndpoint(ConnectionFactory connectionFactory) {
        return new JmsEndpointBuilder()
                .connectionFactory(connectionFactory)
                .destination(DEAL_WON_QUEUE)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    /** SOAP 1.1, as both ERP contracts are. */
    @Bean
    public SoapMessageFactory erpSoapMessageFactory() {
        return new SaajSoapMessageFactory();
    }

    /**
     * Citrus as the ERP: a SOAP server on 127.0.0.1 and a free port (Jetty, test scope only), answering whatever
     * path the hub calls. Started with the context; its address is {@value #ERP_URL_PROPERTY}.
     */
    @Bean
    public WebServiceServer erpServer() {
        return new WebServiceServerBuilder()
                .connector(localConnector())
                .autoStart(true)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    /** Publishes the ERP stand-in's address; read lazily, so the server has bound its port by then. */
    @Bean
    public DynamicPropertyRegistrar erpServerUrl(WebServiceServer erpServer) {
        return registry -> registry.add(ERP_URL_PROPERTY, () -> localUrl(erpServer.getConnector()));
    }

    /** Citrus as the ERP calling the hub: shipment notices pushed to the hub's SOAP service. */
    @Bean
    public WebServiceClient erpShipmentNoticeClient(Environment environment, SoapMessageFactory erpSoapMessageFactory) {
        return new WebServiceClientBuilder()
                .endpointResolver(new LocalHubUri(environment, "/services/erp/shipment-notices"))
                .messageFactory(erpSoapMessageFactory)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    /**
     * The same ERP client, authenticated as the hub expects the ERP to be (HTTP Basic, user integration). SOAP faults
     * come back as messages to validate instead of failing the send.
     */
    @Bean
    public WebServiceClient erpShipmentNoticeAuthClient(Environment environment,
                                                        SoapMessageFactory erpSoapMessageFactory) {
        var requestFactory = new InterceptingClientHttpRequestFactory(new SimpleClientHttpRequestFactory(),
                List.of(new BasicAuthenticationInterceptor("integration", HubUsers.PASSWORD)));
        return new WebServiceClientBuilder()
                .endpointResolver(new LocalHubUri(environment, "/services/erp/shipment-notices"))
                .messageFactory(erpSoapMessageFactory)
                .messageSender(new ClientHttpRequestMessageSender(requestFactory))
                .faultStrategy(ErrorHandlingStrategy.PROPAGATE)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    /**
     * Citrus as the finance system: an HTTP server on 127.0.0.1 and a free port (Jetty, test scope only) that takes
     * the hub's token and invoice requests and answers what each test tells it. Its address is
     * {@value #FINANCE_URL_PROPERTY}.
     */
    @Bean
    public HttpServer financeServer() {
        return localHttpServer();
    }

    /** Publishes the finance stand-in's address; read lazily, so the server has bound its port by then. */
    @Bean
    public DynamicPropertyRegistrar financeServerUrl(HttpServer financeServer) {
        return registry -> registry.add(FINANCE_URL_PROPERTY, () -> localUrl(financeServer.getConnector()));
    }

    /**
     * Citrus as the finance system calling the hub: invoice events pushed to the hub's webhook. No credentials (the
     * webhook checks its own signature headers, which each test sets); 4xx answers come back as messages to validate.
     */
    @Bean
    public HttpClient financeWebhookClient(Environment environment) {
        return clientOfTheHub(environment, "/callbacks/finance", MediaType.APPLICATION_JSON_VALUE);
    }

    /**
     * Citrus as WeCom calling the hub: encrypted callbacks of the app {@code crm} (URL verification and messages).
     * WeCom signs in the query string; non-200 answers come back as messages to validate.
     */
    @Bean
    public HttpClient wecomCallbackClient(Environment environment) {
        return clientOfTheHub(environment, "/callbacks/wecom/crm", MediaType.TEXT_XML_VALUE);
    }

    /** Citrus as DingTalk's event subscription calling the hub (encrypted JSON, signed in the query string). */
    @Bean
    public HttpClient dingtalkEventClient(Environment environment) {
        return clientOfTheHub(environment, "/callbacks/dingtalk/events", MediaType.APPLICATION_JSON_VALUE);
    }

    /** Citrus as DingTalk delivering robot messages from chats (headers {@code timestamp} and {@code sign}). */
    @Bean
    public HttpClient dingtalkRobotCallbackClient(Environment environment) {
        return clientOfTheHub(environment, "/callbacks/dingtalk/robot", MediaType.APPLICATION_JSON_VALUE);
    }

    /**
     * Citrus as WeCom's server API (gettoken, message/send): an HTTP server on 127.0.0.1 and a free port that answers
     * what each test tells it, errcodes with HTTP 200 as WeCom does. Its address is {@value #WECOM_URL_PROPERTY}.
     */
    @Bean
    public HttpServer wecomServer() {
        return localHttpServer();
    }

    @Bean
    public DynamicPropertyRegistrar wecomServerUrl(HttpServer wecomServer) {
        return registry -> registry.add(WECOM_URL_PROPERTY, () -> localUrl(wecomServer.getConnector()));
    }

    /** A client of the hub under test at {@code basePath}; 4xx and 5xx answers come back as messages to validate. */
    private static HttpClient clientOfTheHub(Environment environment, String basePath, String contentType) {
        return new HttpClientBuilder()
                .endpointResolver(new LocalHubUri(environment, basePath))
                .contentType(contentType)
                .errorHandlingStrategy(ErrorHandlingStrategy.PROPAGATE)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    /** A Citrus HTTP server on 127.0.0.1 and a free port (Jetty, test scope only), started with the context. */
    private static HttpServer localHttpServer() {
        return new HttpServerBuilder()
                .connector(localConnector())
                .autoStart(true)
                .timeout(TIMEOUT_MILLIS)
                .build();
    }

    private static ServerConnector localConnector() {
        ServerConnector connector = new ServerConnector(new Server());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    /** Read lazily: the server has bound its port by the time a property is resolved. */
    private static String localUrl(Connector connector) {
        return "http://127.0.0.1:" + ((ServerConnector) connector).getLocalPort();
    }
}
