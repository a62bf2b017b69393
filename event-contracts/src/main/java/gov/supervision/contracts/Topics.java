package gov.supervision.contracts;

/** The Kafka topics of the suite; each is owned by the service that publishes to it. */
public final class Topics {

  /** Checklist, item and finding events from checklist-service; key = item or checklist id. */
  public static final String CHECKLIST = "supervision.checklist.v1";

  /**
   * Cadre evaluation and veto events from evaluation-service (key = cadre id), and its alerts about
   * unusual reading of files (key = the reader's {@code sub}).
   */
  public static final String EVALUATION = "evaluation.cadre.v1";

  /**
   * The signed checkpoints of evaluation-service's access log (key {@code access-log}), kept by
   * witnesses outside its database.
   */
  public static final String ACCESS_LOG = "evaluation.access-log.v1";

  /**
   * The {@code ce_source} of the one service that publishes to {@code topic}, or null for a topic
   * that is not the suite's: consumers refuse an event on a suite topic that claims another source.
   */
  public static String publisher(String topic) {
    if (CHECKLIST.equals(topic)) {
      return "/checklist-service";
    }
    if (EVALUATION.equals(topic) || ACCESS_LOG.equals(topic)) {
      return "/evaluation-service";
    }
    return null;
  }

  private Topics() {}
}
