package com.crmhub.crm.lead;

/** The channel a lead came in through. */
public enum LeadSource {
    WEB_FORM, WECOM, DINGTALK, EMAIL, IMPORT, API
}
