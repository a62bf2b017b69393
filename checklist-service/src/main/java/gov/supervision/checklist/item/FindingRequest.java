package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A finding raised on an item; {@code cadreId} names the cadre concerned, if any. */
public record FindingRequest(
    @NotBlank @Size(max = 4000) String description,
    @NotNull Severity severity,
    @Schema(maxLength = 64)
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "无效的干部编号 invalid cadre id")
        String cadreId,
    @NotNull LocalDate rectifyBy) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final FindingRequest EXAMPLE =
      new FindingRequest(
          "未按要求建立安全生产隐患排查台账", Severity.MAJOR, "cadre-0042", LocalDate.of(2026, 8, 31));
}
