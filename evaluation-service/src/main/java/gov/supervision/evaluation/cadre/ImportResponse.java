package gov.supervision.evaluation.cadre;

import java.util.List;

/** The result of a bulk registration. */
public record ImportResponse(int imported, List<String> ids) {}
