package gov.supervision.checklist.warning;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The units' early-warning levels for the inspection team: all at once, or one. */
@RestController
class EarlyWarningController {

  private final EarlyWarnings warnings;

  EarlyWarningController(EarlyWarnings warnings) {
    this.warnings = warnings;
  }

  /** Every reference unit (and any other unit with open items or vetoes), in one answer. */
  @GetMapping("/api/units/early-warning")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
  public List<EarlyWarningResponse> all() {
    return warnings.overview();
  }

  @GetMapping("/api/units/{unit}/early-warning")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
  public EarlyWarningResponse get(
      @PathVariable
          @Parameter(schema = @Schema(maxLength = 10))
          @Pattern(regexp = "^[A-Z]{2,10}$", message = "单位代码为 2-10 个大写字母 2-10 capital letters")
          String unit) {
    return warnings.current(unit);
  }
}
