package gov.supervision.checklist.metadata;

import io.swagger.v3.oas.annotations.media.Schema;

/** One enum value (or reference unit): its code and its zh-CN / English labels. */
@Schema(name = "Label")
public record LabelResponse(String code, String zh, String en) {}
