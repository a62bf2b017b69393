package gov.supervision.checklist.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A progress note (and evidence) for an item's history. */
public record ProgressRequest(
    @NotBlank @Size(max = 4000) String note,
    @Valid @Size(max = 20) List<EvidenceRequest> evidence) {}
