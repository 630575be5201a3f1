package com.crmhub.connectors.erp;

import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailability;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFault;
import com.crmhub.connectors.erp.generated.salesorders.ErpSalesOrderService;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.OrderNotFoundFault;
import com.crmhub.connectors.erp.generated.salesorders.SalesOrderPort;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFault;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFaultDetail;
import jakarta.xml.bind.MarshalException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.ClientImpl;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.ConnectionType;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hub's client of the ERP's SalesOrderPort (SOAP over HTTP, built from the WSDL with schema validation on both
 * ways). Canonical types in and out; the ERP's faults become {@link ErpRejectedException} (permanent: a
 * ValidationFault) or {@link ErpUnavailableException} (transient: 5xx, refused or reset connections, timeouts, undeclared
 * faults).
 *
 * <p>Thread-safe: the CXF proxy is configured once here and never touched per call (CXF proxies are safe to share
 * then; the request context is thread-local anyway, should anyone use it). At most {@code maxConnections} calls are in
 * flight at once: CXF's default JDK HttpClient conduit pools keep-alive connections without a cap, so the cap is
 * this client's, and a caller that cannot get a slot within the connect timeout gets ErpUnavailableException.
 */
@Component
public class ErpSalesOrderClient implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ErpSalesOrderClient.class);
    private static final String OWN_HTTP_CLIENT = "share.httpclient.http.conduit";

    private final ErpSalesOrderMapper mapper = new ErpSalesOrderMapper();
    private final ErpProperties properties;
    private final Bus bus;
    private final SalesOrderPort port;
    private final Semaphore connections;
    private final Clock clock = Clock.systemUTC();

    public ErpSalesOrderClient(ErpProperties properties) {
        this.properties = properties;
        this.connections = new Semaphore(properties.maxConnections(), true);
        // A bus of its own: its conduit and interceptors never mix with the app's CXF bus or other clients.
        ExtensionManagerBus ownBus = new ExtensionManagerBus();
        ownBus.initialize();
        this.bus = ownBus;
        this.port = createPort(properties, bus);
        log.info("ERP sales-order client for {} (auth {}, connect timeout {}, receive timeout {}, {} connections)",
                properties.salesOrdersUrl(), properties.auth(), properties.connectTimeout(),
                properties.receiveTimeout(), properties.maxConnections());
    }

    /**
     * Creates the order in the ERP. If the ERP already holds an order with this externalRef (a retry or replay), reads
     * it back and answers it with {@code duplicate=true}: creating is idempotent.
     *
     * @throws ErpRejectedException   the ERP (or this client, before sending) refused the order for good
     * @throws ErpUnavailableException the ERP could not be reached or did not answer; retry later
     */
    public OrderAccepted createSalesOrder(SalesOrder order) {
        CreateSalesOrder request = mapper.toCreateSalesOrder(order);
        acquire("CreateSalesOrder");
        try {
            return mapper.toOrderAccepted(order.orderId(), port.createSalesOrder(request), clock.instant());
        } catch (ValidationFault fault) {
            throw rejected(fault.getFaultInfo(), fault);
        } catch (DuplicateOrderFault fault) {
            return alreadyAccepted(order.orderId(), fault);
        } catch (RuntimeException e) {
            throw failure("CreateSalesOrder", e);
        } finally {
            connections.release();
        }
    }

    /**
     * What the ERP holds of each SKU.
     *
     * @throws ErpRejectedException   e.g. an unknown SKU
     * @throws ErpUnavailableException the ERP could not be reached or did not answer; retry later
     */
    public List<StockLevel> checkAvailability(List<String> skus) {
        CheckAvailability request = mapper.toCheckAvailability(skus);
        acquire("CheckAvailability");
        try {
            return mapper.toStockLevels(port.checkAvailability(request));
        } catch (ValidationFault fault) {
            throw rejected(fault.getFaultInfo(), fault);
        } catch (RuntimeException e) {
            throw failure("CheckAvailability", e);
        } finally {
            connections.release();
        }
    }

    @Override
    public void destroy() {
        bus.shutdown(true);
    }

    private OrderAccepted alreadyAccepted(String orderId, DuplicateOrderFault fault) {
        String numberFromFault = fault.getFaultInfo() == null ? null : fault.getFaultInfo().getErpOrderNo();
        try {
            GetSalesOrderResponse existing = port.getSalesOrder(mapper.byExternalRef(orderId));
            log.info("ERP already holds order {} as {}", orderId, existing.getErpOrderNo());
            return mapper.toDuplicateAccepted(orderId, existing, numberFromFault, clock.instant());
        } catch (OrderNotFoundFault notFound) {
            if (numberFromFault == null || numberFromFault.isBlank()) {
                throw new ErpUnavailableException("ERP reported order " + orderId
                        + " as a duplicate but names no order and cannot find it", notFound);
            }
            // The ERP said it has the order but cannot show it (yet): its number is the fact that matters.
            log.warn("ERP reported order {} as duplicate of {} but GetSalesOrder cannot find it; reservation unknown",
                    orderId, numberFromFault);
            return new OrderAccepted(orderId, numberFromFault, null, List.of(), true, clock.instant());
        } catch (RuntimeException e) {
            throw failure("GetSalesOrder", e);
        }
    }

    private void acquire(String operation) {
        try {
            if (!connections.tryAcquire(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ErpUnavailableException("ERP " + operation + ": all " + properties.maxConnections()
                        + " connections busy", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpUnavailableException("ERP " + operation + ": interrupted waiting for a connection", e);
        }
    }

    private static ErpRejectedException rejected(ValidationFaultDetail detail, ValidationFault fault) {
        if (detail == null) {
            return new ErpRejectedException("VALIDATION", null, fault.getMessage());
        }
        return new ErpRejectedException(detail.getCode(), detail.getField(), detail.getMessage());
    }

    private RuntimeException failure(String operation, RuntimeException e) {
        if (e instanceof ErpRejectedException || e instanceof ErpUnavailableException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarshalException) {
                // Our own request broke the schema before it left: sending it again cannot help.
                return new ErpRejectedException("INVALID_REQUEST", null,
                        "the request does not match the ERP's schema: " + rootMessage(e));
            }
        }
        log.warn("ERP {} at {} failed: {}", operation, properties.salesOrdersUrl(), rootMessage(e));
        return new ErpUnavailableException("ERP " + operation + " failed: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static SalesOrderPort createPort(ErpProperties properties, Bus bus) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(SalesOrderPort.class);
        factory.setWsdlURL(ErpSalesOrderService.WSDL_LOCATION.toExternalForm());
        factory.setServiceName(ErpSalesOrderService.SERVICE);
        factory.setEndpointName(ErpSalesOrderService.SalesOrderPort);
        factory.setAddress(properties.salesOrdersUrl());
        Map<String, Object> clientProperties = new HashMap<>();
        clientProperties.put(Message.SCHEMA_VALIDATION_ENABLED, Boolean.TRUE);
        clientProperties.put(ClientImpl.THREAD_LOCAL_REQUEST_CONTEXT, Boolean.TRUE);
        // CXF shares one JDK HttpClient between conduits with equal settings, process-wide, and closing one client
        // could close it under another: this client owns its HttpClient (and so its connection pool).
        clientProperties.put(OWN_HTTP_CLIENT, Boolean.FALSE);
        factory.setProperties(clientProperties);
        if (properties.auth() == ErpProperties.Auth.WS_SECURITY) {
            factory.getOutInterceptors().add(usernameToken(properties.username(), properties.password()));
        }
        SalesOrderPort port = factory.create(SalesOrderPort.class);

        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
        policy.setConnection(ConnectionType.KEEP_ALIVE);
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if (properties.auth() == ErpProperties.Auth.BASIC) {
            AuthorizationPolicy basic = new AuthorizationPolicy();
            basic.setAuthorizationType("Basic");
            basic.setUserName(properties.username());
            basic.setPassword(properties.password());
            conduit.setAuthorization(basic);
        }
        return port;
    }

    private static WSS4JOutInterceptor usernameToken(String username, String password) {
        CallbackHandler passwords = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc && username.equals(pc.getIdentifier())) {
                    pc.setPassword(password);
                }
            }
        };
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN);
        settings.put(ConfigurationConstants.USER, username);
        settings.put(ConfigurationConstants.PASSWORD_TYPE, WSS4JConstants.PW_TEXT);
        settings.put(ConfigurationConstants.ADD_USERNAMETOKEN_NONCE, "true");
        settings.put(ConfigurationConstants.ADD_USERNAMETOKEN_CREATED, "true");
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords);
        return new WSS4JOutInterceptor(settings);
    }
}
