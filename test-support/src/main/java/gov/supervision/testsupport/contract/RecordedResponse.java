package gov.supervision.testsupport.contract;

/** One answer a service gave during a test, as {@link ResponseRecorder} saw it leave. */
public record RecordedResponse(
    String method, String path, int status, String contentType, byte[] body) {}
