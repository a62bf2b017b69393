package gov.supervision.checklist.domain;

/** What a unit's early-warning level is computed from. */
public record WarningIndicators(int redItems, int openMajorFindings, int vetoedCadres) {}
