package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.ItemDraft;
import gov.supervision.checklist.domain.ReportCadence;
import gov.supervision.checklist.domain.SupervisionMethod;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new checklist item; {@code revisionReason} is required when the checklist is already published
 * (the addition is recorded as a revision).
 */
public record NewItemRequest(
    @NotNull FocusArea focusArea,
    @NotBlank @Size(max = 2000) String content,
    @NotBlank @Size(max = 4000) String requirements,
    @NotBlank
        @Schema(maxLength = 10)
        @Pattern(regexp = "^[A-Z]{2,10}$", message = "单位代码为 2-10 个大写字母 2-10 capital letters")
        String responsibleUnit,
    @NotBlank
        @Schema(maxLength = 64)
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "无效的人员编号 invalid person id")
        String responsiblePerson,
    @NotNull SupervisionMethod method,
    @NotNull LocalDate dueDate,
    ReportCadence reportEvery,
    @Size(max = 1000) String revisionReason) {

  /** What a caller sends, as the OpenAPI document shows it (its request example). */
  public static final NewItemRequest EXAMPLE =
      new NewItemRequest(
          FocusArea.CENTRAL_DIRECTIVES,
          "贯彻落实党中央关于安全生产的重大决策部署情况",
          "每月报告进展，附会议纪要和现场核查记录",
          "FGW",
          "zhang.wei",
          SupervisionMethod.SPECIAL_INSPECTION,
          LocalDate.of(2026, 9, 30),
          ReportCadence.MONTHLY,
          null);

  /** The domain's view of the request. */
  public ItemDraft draft() {
    return new ItemDraft(
        focusArea,
        content.strip(),
        requirements.strip(),
        responsibleUnit,
        responsiblePerson,
        method,
        dueDate,
        reportEvery);
  }
}
