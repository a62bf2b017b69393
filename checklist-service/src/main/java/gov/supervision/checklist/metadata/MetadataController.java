package gov.supervision.checklist.metadata;

import gov.supervision.checklist.domain.ChecklistStatus;
import gov.supervision.checklist.domain.FindingStatus;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.HistoryKind;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.ReportCadence;
import gov.supervision.checklist.domain.Severity;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.checklist.domain.WarningLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every enum of the API and the reference units, each with its code and zh-CN / English labels. */
@RestController
class MetadataController {

  private static final List<Class<? extends Enum<?>>> ENUMS =
      List.of(
          FocusArea.class,
          SupervisionMethod.class,
          ReportCadence.class,
          Stage.class,
          Light.class,
          Severity.class,
          FindingStatus.class,
          ChecklistStatus.class,
          HistoryKind.class,
          WarningLevel.class);

  private final Labels labels;
  private final ReferenceUnits units;

  MetadataController(Labels labels, ReferenceUnits units) {
    this.labels = labels;
    this.units = units;
  }

  @GetMapping("/api/checklists/metadata")
  @PreAuthorize("hasAnyRole('INSPECTOR','UNIT_LEAD','EVALUATOR','HR','AUDITOR','ADMIN')")
  public Map<String, List<LabelResponse>> metadata() {
    Map<String, List<LabelResponse>> all = new LinkedHashMap<>();
    for (Class<? extends Enum<?>> type : ENUMS) {
      String name = type.getSimpleName();
      all.put(
          Character.toLowerCase(name.charAt(0)) + name.substring(1),
          Arrays.stream(type.getEnumConstants())
              .map(v -> new LabelResponse(v.name(), labels.zh(v), labels.en(v)))
              .toList());
    }
    all.put(
        "unit",
        units.codes().stream()
            .map(
                code ->
                    new LabelResponse(
                        code, labels.unit(code, Labels.ZH), labels.unit(code, Locale.ENGLISH)))
            .toList());
    return all;
  }
}
