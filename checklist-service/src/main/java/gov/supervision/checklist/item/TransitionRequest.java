package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Stage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Move an item to another stage; going back needs a {@code note}. */
public record TransitionRequest(
    @NotNull Stage to,
    @Size(max = 2000) String note,
    @Schema(maxLength = 64)
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "无效的人员编号 invalid person id")
        String assignee,
    @Valid @Size(max = 20) List<EvidenceRequest> evidence) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final TransitionRequest EXAMPLE =
      new TransitionRequest(
          Stage.ASSIGNED, "已召开专题会议，明确专人盯办", "li.na", List.of(EvidenceRequest.EXAMPLE));
}
