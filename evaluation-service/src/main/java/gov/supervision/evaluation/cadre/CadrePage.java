package gov.supervision.evaluation.cadre;

import java.util.List;

/** A page of profiles. */
public record CadrePage(List<CadreResponse> content, int page, int size, long totalElements) {}
