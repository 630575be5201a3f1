package com.crmhub.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** What a user notices of authentication and roles on the API, the docs, the actuator and the Hawtio console. */
abstract class SecuredEndpointsScenarios extends ApiTestSupport {

    @Test
    void anonymousCallersAreAskedToAuthenticateWithAProblem() {
        var response = anonymous().get("/api/v1/audit?entity=account&id=1").expect(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        anonymous().get("/actuator/health").expect(401);
        anonymous().get("/v3/api-docs").expect(401);
        anonymous().get("/actuator/hawtio/").expect(401);
    }

    @Test
    void probesAnswerWithoutCredentialsButOnlyTheState() {
        var readiness = anonymous().get("/actuator/health/readiness").expect(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(readiness.body().has("components")).isFalse();
        assertThat(anonymous().get("/actuator/health/liveness").expect(200).text("status")).isEqualTo("UP");
        anonymous().get("/actuator/health/db").expect(401);
    }

    @Test
    void wrongPasswordIsRefused() {
        var rest = org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port);
        int status = rest.get().uri("/v3/api-docs").headers(h -> h.setBasicAuth("admin", "not-the-password"))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(401);
    }

    @Test
    void apiDocsAreServedToAnyAuthenticatedUser() {
        var docs = as("sales_east1").get("/v3/api-docs").expect(200);
        assertThat(docs.body().path("openapi").asText()).startsWith("3.");
        as("sales_east1").get("/swagger-ui/index.html").expect(200);
    }

    @Test
    void actuatorIsForOperatorsAndAdmins() {
        as("sales_east1").get("/actuator/health").expect(403);
        as("integration").get("/actuator/metrics").expect(403);
        var health = as("operator").get("/actuator/health").expect(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().path("components").has("jms")).isTrue();
        as("admin").get("/actuator/prometheus").expect(200);
        as("admin").get("/actuator/info").expect(200);
    }

    @Test
    void hawtioShowsTheCamelContextAndTheBrokerToOperators() {
        as("sales_east1").get("/actuator/hawtio/").expect(403);
        as("operator").get("/actuator/hawtio/").expect(200);
        var camel = as("operator").get("/actuator/jolokia/search/org.apache.camel:type=context,*").expect(200);
        assertThat(camel.body().path("value").toString()).contains("crm-hub");
        var broker = as("operator").get("/actuator/jolokia/search/org.apache.activemq.artemis:broker=*").expect(200);
        assertThat(broker.body().path("value").toString()).contains("broker=");
        var queues = as("operator").get("/actuator/jolokia/search/org.apache.activemq.artemis:*,subcomponent=queues").expect(200);
        assertThat(queues.body().path("value").toString()).contains("crm.events.deal-won");
    }
}
