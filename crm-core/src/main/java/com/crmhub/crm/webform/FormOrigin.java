package com.crmhub.crm.webform;

/** Where a form is defined: configuration (read-only through the API) or the admin API. */
public enum FormOrigin { CONFIG, API }
