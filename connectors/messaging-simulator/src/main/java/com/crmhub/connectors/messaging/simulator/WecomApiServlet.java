package com.crmhub.connectors.messaging.simulator;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * WeCom's server API over HTTP, relative to the servlet's mapping: {@code GET /cgi-bin/gettoken},
 * {@code POST /cgi-bin/message/send}, {@code POST /cgi-bin/kf/sync_msg}, each answering JSON with an errcode under
 * HTTP 200. A servlet of its own, outside Spring MVC, so that none of the hub's conventions leak into the other system.
 */
final class WecomApiServlet extends HttpServlet {

    private final transient MessagingSimulator simulator;
    private final transient SimulatedWecom wecom;

    WecomApiServlet(MessagingSimulator simulator) {
        this.simulator = simulator;
        this.wecom = simulator.wecom();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        if (path.equals("/cgi-bin/gettoken") && method.equals("GET")) {
            SimulatorServlets.write(response, simulator.recordCall(SimulatedApi.WECOM_GETTOKEN,
                    wecom.gettoken(request.getParameter("corpid"), request.getParameter("corpsecret"))));
        } else if (path.equals("/cgi-bin/message/send") && method.equals("POST")) {
            SimulatorServlets.write(response, simulator.recordCall(SimulatedApi.WECOM_MESSAGE_SEND,
                    wecom.send(request.getParameter("access_token"), SimulatorServlets.body(request))));
        } else if (path.equals("/cgi-bin/kf/sync_msg") && method.equals("POST")) {
            SimulatorServlets.write(response, simulator.recordCall(SimulatedApi.WECOM_KF_SYNC_MSG,
                    wecom.syncMsg(request.getParameter("access_token"), SimulatorServlets.body(request))));
        } else {
            SimulatorServlets.notFound(response, method, path);
        }
    }
}
