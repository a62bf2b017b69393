package gov.supervision.checklist.metadata;

import gov.supervision.checklist.config.UnitProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/** The reference units (参考单位表) in their configured order, with their zh-CN and English names. */
@Component
public class ReferenceUnits {

  private final List<String> codes;
  private final Labels labels;

  ReferenceUnits(UnitProperties properties, Labels labels) {
    this.codes = properties.reference();
    this.labels = labels;
  }

  /** The codes, in the configured order. */
  public List<String> codes() {
    return codes;
  }

  /** The zh-CN name of a unit, reference or not (its code when it has no name). */
  public String zh(String code) {
    return labels.unit(code, Labels.ZH);
  }
}
