package gov.supervision.checklist.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A progress note for an item's history, with evidence: references to documents kept elsewhere
 * ({@code evidence}) and files uploaded for the item ({@code attachmentIds}).
 */
public record ProgressRequest(
    @NotBlank @Size(max = 4000) String note,
    @Valid @Size(max = 20) List<EvidenceRequest> evidence,
    @Size(max = 20) List<@Size(max = 64) String> attachmentIds) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final ProgressRequest EXAMPLE =
      new ProgressRequest("已完成三个区县的现场核查，整改方案已报审", List.of(EvidenceRequest.EXAMPLE), List.of());
}
