package com.crmhub.crm.matching;

import java.util.List;

/** The candidates for a query, strongest first. */
public record MatchResult(List<AccountMatch> accounts, List<ContactMatch> contacts) {
}
