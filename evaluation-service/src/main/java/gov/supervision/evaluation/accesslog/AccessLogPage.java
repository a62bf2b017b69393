package gov.supervision.evaluation.accesslog;

import java.util.List;

/** A page of the log. */
record AccessLogPage(List<AccessLogEntry> content, int page, int size, long totalElements) {}
