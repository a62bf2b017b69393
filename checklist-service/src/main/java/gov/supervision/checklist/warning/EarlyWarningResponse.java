package gov.supervision.checklist.warning;

import gov.supervision.checklist.domain.WarningIndicators;
import gov.supervision.checklist.domain.WarningLevel;

/** A unit's early-warning level now, and what it is computed from. */
public record EarlyWarningResponse(String unit, WarningLevel level, WarningIndicators indicators) {}
