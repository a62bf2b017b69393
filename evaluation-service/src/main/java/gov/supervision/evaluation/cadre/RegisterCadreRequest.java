package gov.supervision.evaluation.cadre;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/cadres}. */
public record RegisterCadreRequest(
    @NotBlank @Schema(maxLength = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
        String id,
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Schema(maxLength = 10) @Pattern(regexp = "^[A-Z]{2,10}$") String unit,
    @NotBlank @Size(max = 100) String position) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final RegisterCadreRequest EXAMPLE =
      new RegisterCadreRequest("C-0042", "王建国", "FGW", "副主任");
}
