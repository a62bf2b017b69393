package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Conclusion;
import gov.supervision.evaluation.domain.Dimension;
import gov.supervision.evaluation.domain.Source;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code POST /api/cadres/{id}/evaluations}. */
public record EvaluationRequest(
    @NotNull LocalDate date,
    @NotNull Source source,
    @NotNull @Schema(additionalPropertiesSchema = Score.class) Map<Dimension, Integer> dimensions,
    @NotNull Conclusion conclusion,
    @Size(max = 2000) String remarks,
    @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence,
    @Size(max = 64) String supersedes,
    @Size(max = 1000) String correctionReason) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final EvaluationRequest EXAMPLE =
      new EvaluationRequest(
          LocalDate.of(2026, 1, 15),
          Source.ANNUAL_ASSESSMENT,
          Map.of(
              Dimension.POLITICAL_JUDGMENT, 4,
              Dimension.POLITICAL_COMPREHENSION, 4,
              Dimension.POLITICAL_EXECUTION, 5,
              Dimension.POLITICAL_STANCE, 5,
              Dimension.POLITICAL_ATTITUDE, 4,
              Dimension.POLITICAL_RESPONSIBILITY, 4),
          Conclusion.GOOD,
          "年度考核：政治立场坚定，执行有力",
          List.of("2025年度考核登记表"),
          null,
          null);

  CadreService.NewRecord toNewRecord() {
    return new CadreService.NewRecord(
        date, source, dimensions, conclusion, remarks, evidence, supersedes, correctionReason);
  }
}
