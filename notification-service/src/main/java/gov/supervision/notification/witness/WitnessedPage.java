package gov.supervision.notification.witness;

import java.util.List;

/** A page of witnessed checkpoints. */
record WitnessedPage(List<Witnessed> content, int page, int size, long totalElements) {}
