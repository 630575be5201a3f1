package com.crmhub.webform;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class WebFormIntegrationTests extends WebFormScenarios {
}
