package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.ErpProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * WS-Security UsernameToken checking (WSS4J) that can be switched on and off while the simulator runs, so one
 * application context can play an ERP with and without WS-Security.
 */
final class UsernameTokenGate extends AbstractSoapInterceptor {

    private final Supplier<AuthRequirement> requirement;

    UsernameTokenGate(Supplier<AuthRequirement> requirement) {
        super(Phase.PRE_PROTOCOL);
        this.requirement = requirement;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return new WSS4JInInterceptor().getUnderstoodHeaders();
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        AuthRequirement current = requirement.get();
        if (current.auth() != ErpProperties.Auth.WS_SECURITY) {
            return;
        }
        CallbackHandler passwords = callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc && current.username().equals(pc.getIdentifier())) {
                    pc.setPassword(current.password());
                }
            }
        };
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN);
        settings.put(ConfigurationConstants.PASSWORD_TYPE, WSS4JConstants.PW_TEXT);
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords);
        new WSS4JInInterceptor(settings).handleMessage(message);
    }
}
