package com.crmhub.timeline;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class TimelineIntegrationTests extends TimelineScenarios {
}
