package gov.supervision.checklist.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The unit's rectification report on a finding. */
public record RectificationRequest(@NotBlank @Size(max = 4000) String report) {}
