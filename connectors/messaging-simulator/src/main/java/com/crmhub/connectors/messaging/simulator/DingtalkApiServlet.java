package com.crmhub.connectors.messaging.simulator;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * DingTalk's custom-robot API over HTTP, relative to the servlet's mapping: {@code POST /robot/send?access_token&
 * timestamp&sign}, answering JSON with an errcode under HTTP 200. The query is URL-decoded once by the container, so
 * the sign arrives as the Base64 the robot computed.
 */
final class DingtalkApiServlet extends HttpServlet {

    private final transient MessagingSimulator simulator;

    DingtalkApiServlet(MessagingSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/robot/send") && request.getMethod().equals("POST")) {
            SimulatorServlets.write(response, simulator.recordCall(SimulatedApi.DINGTALK_ROBOT_SEND,
                    simulator.dingtalk().robotSend(request.getParameter("access_token"),
                            request.getParameter("timestamp"), request.getParameter("sign"),
                            SimulatorServlets.body(request))));
        } else {
            SimulatorServlets.notFound(response, request.getMethod(), path);
        }
    }
}
