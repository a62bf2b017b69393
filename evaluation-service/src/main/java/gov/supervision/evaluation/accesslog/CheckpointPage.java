package gov.supervision.evaluation.accesslog;

import java.util.List;

/** A page of signed checkpoints. */
record CheckpointPage(List<Checkpoint> content, int page, int size, long totalElements) {}
