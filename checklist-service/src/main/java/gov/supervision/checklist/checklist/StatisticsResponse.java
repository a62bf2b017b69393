package gov.supervision.checklist.checklist;

import java.util.Map;

/**
 * Counts of a checklist's items by stage, light (open items only), unit, method and focus area, and
 * per unit by light (open items only, every light present); {@code completionRate} = closed / total
 * (0 when empty). Units are ordered by code.
 */
public record StatisticsResponse(
    String checklistId,
    long total,
    long closed,
    double completionRate,
    Map<String, Long> byStage,
    Map<String, Long> byLight,
    Map<String, Long> byUnit,
    Map<String, Long> byMethod,
    Map<String, Long> byFocusArea,
    Map<String, Map<String, Long>> byUnitAndLight) {}
