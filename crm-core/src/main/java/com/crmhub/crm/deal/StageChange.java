package com.crmhub.crm.deal;

import com.crmhub.crm.pipeline.Stage;

/** A deal's move from one stage to another, as the entity reports it to the service that publishes the event. */
record StageChange(Stage from, Stage to) {
}
