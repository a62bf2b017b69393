package gov.supervision.checklist.checklist;

import java.util.Map;

/**
 * Counts of a checklist's items by stage, light (open items only), unit, method and focus area;
 * {@code completionRate} = closed / total (0 when empty).
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
    Map<String, Long> byFocusArea) {}
