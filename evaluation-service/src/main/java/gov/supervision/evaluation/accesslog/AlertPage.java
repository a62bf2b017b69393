package gov.supervision.evaluation.accesslog;

import java.util.List;

/** A page of unusual-reading alerts. */
record AlertPage(List<Alert> content, int page, int size, long totalElements) {}
