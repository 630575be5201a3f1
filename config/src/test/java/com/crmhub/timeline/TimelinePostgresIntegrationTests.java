package com.crmhub.timeline;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class TimelinePostgresIntegrationTests extends TimelineScenarios {
}
