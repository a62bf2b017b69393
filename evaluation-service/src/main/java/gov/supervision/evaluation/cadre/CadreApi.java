package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.CadreStatus;
import gov.supervision.evaluation.domain.Conclusion;
import gov.supervision.evaluation.domain.Dimension;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.Source;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The request and response records of the cadre API. */
public final class CadreApi {

  private CadreApi() {}

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

  /** {@code POST /api/cadres/{id}/evaluations}. */
  /**
   * One dimension's score as the document shows it: 1 (poor) to 5 (excellent), as the evaluation
   * record checks it (400 naming {@code dimensions.<DIMENSION>}).
   */
  @Schema(type = "integer", format = "int32", minimum = "1", maximum = "5")
  record Score() {}

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

  /** A cadre's profile (no file). */
  public record CadreResponse(
      String id,
      String name,
      String unit,
      String position,
      CadreStatus status,
      Instant registeredAt) {

    /** The profile of a stored cadre. */
    public static CadreResponse from(Cadre cadre, Instant registeredAt) {
      return new CadreResponse(
          cadre.id(), cadre.name(), cadre.unit(), cadre.position(), cadre.status(), registeredAt);
    }
  }

  /** One evaluation record as the file shows it, superseded ones marked. */
  public record RecordResponse(
      String id,
      LocalDate date,
      Source source,
      String sourceLabel,
      String evaluator,
      Map<Dimension, Integer> dimensions,
      Conclusion conclusion,
      String conclusionLabel,
      String remarks,
      List<String> evidence,
      String supersedes,
      String correctionReason,
      boolean superseded,
      String supersededBy,
      Instant recordedAt) {

    /** The record in the context of its file. */
    public static RecordResponse from(Cadre cadre, EvaluationRecord r) {
      String by = cadre.supersededBy(r.id()).orElse(null);
      return new RecordResponse(
          r.id(),
          r.date(),
          r.source(),
          r.source().label(),
          r.evaluator(),
          new java.util.TreeMap<>(r.scores()),
          r.conclusion(),
          r.conclusion().label(),
          r.remarks(),
          r.evidence(),
          r.supersedes(),
          r.correctionReason(),
          by != null,
          by,
          r.recordedAt());
    }
  }

  /** A page of profiles. */
  public record CadrePage(List<CadreResponse> content, int page, int size, long totalElements) {}

  /** The result of a bulk registration. */
  public record ImportResponse(int imported, List<String> ids) {}
}
