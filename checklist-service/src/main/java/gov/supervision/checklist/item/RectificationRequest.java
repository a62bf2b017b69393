package gov.supervision.checklist.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The unit's rectification report on a finding, with files uploaded for the finding. */
public record RectificationRequest(
    @NotBlank @Size(max = 4000) String report,
    @Size(max = 20) List<@Size(max = 64) String> attachmentIds) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final RectificationRequest EXAMPLE =
      new RectificationRequest(
          "已建立隐患排查台账，逐项销号，附台账扫描件", List.of("3f2b8c1e-6d4a-4e0b-9a51-0c7d2e8f1a23"));
}
