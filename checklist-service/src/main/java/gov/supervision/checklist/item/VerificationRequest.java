package gov.supervision.checklist.item;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The inspector's verdict on a rectification; a rejection needs a {@code note}. */
public record VerificationRequest(@NotNull Boolean accepted, @Size(max = 2000) String note) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final VerificationRequest EXAMPLE =
      new VerificationRequest(true, "经现场核查，台账已建立并投入使用");
}
