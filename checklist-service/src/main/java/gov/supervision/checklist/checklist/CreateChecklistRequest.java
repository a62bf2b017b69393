package gov.supervision.checklist.checklist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new draft checklist for a scope ({@code CITY} or a unit code) and year. */
public record CreateChecklistRequest(
    @NotNull @Min(2000) @Max(2100) Integer year,
    @NotBlank
        @Schema(maxLength = 10)
        @Pattern(regexp = "^(CITY|[A-Z]{2,10})$", message = "范围为 CITY 或单位代码 CITY or a unit code")
        String scope,
    @NotBlank @Size(max = 200) String title) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final CreateChecklistRequest EXAMPLE =
      new CreateChecklistRequest(2026, "CITY", "2026年度政治监督重点事项清单");
}
