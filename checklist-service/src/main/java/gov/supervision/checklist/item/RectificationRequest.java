package gov.supervision.checklist.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The unit's rectification report on a finding, with files uploaded for the finding. */
public record RectificationRequest(
    @NotBlank @Size(max = 4000) String report, @Size(max = 20) List<String> attachmentIds) {}
