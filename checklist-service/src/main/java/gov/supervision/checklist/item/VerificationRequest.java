package gov.supervision.checklist.item;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The inspector's verdict on a rectification; a rejection needs a {@code note}. */
public record VerificationRequest(@NotNull Boolean accepted, @Size(max = 2000) String note) {}
