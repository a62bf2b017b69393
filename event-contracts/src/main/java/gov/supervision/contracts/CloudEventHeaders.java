package gov.supervision.contracts;

/** Header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode. */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";
  public static final String REQUEST_ID = "x-request-id";

  /**
   * The W3C trace context of the change that caused the event; Spring Kafka's listener observation
   * continues the trace from it.
   */
  public static final String TRACE_PARENT = "traceparent";

  public static final String SPEC_VERSION_VALUE = "1.0";
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}
}
