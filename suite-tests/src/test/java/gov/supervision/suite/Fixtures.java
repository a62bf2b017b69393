package gov.supervision.suite;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the suite's tests, in one place. */
final class Fixtures {

  static final List<String> DIMENSIONS =
      List.of(
          "POLITICAL_JUDGMENT",
          "POLITICAL_COMPREHENSION",
          "POLITICAL_EXECUTION",
          "POLITICAL_STANCE",
          "POLITICAL_ATTITUDE",
          "POLITICAL_RESPONSIBILITY");

  private Fixtures() {}

  /** A checklist item of {@code unit}, followed up by {@code person}, due {@code due}. */
  static Map<String, Object> item(String unit, String person, LocalDate due, String content) {
    Map<String, Object> item = new HashMap<>();
    item.put("focusArea", "CENTRAL_DIRECTIVES");
    item.put("content", content);
    item.put("requirements", "建立台账，专人盯办，按月报告");
    item.put("responsibleUnit", unit);
    item.put("responsiblePerson", person);
    item.put("method", "SPECIAL_INSPECTION");
    item.put("dueDate", due.toString());
    return item;
  }

  /** A review case (选任审查) HR opens for {@code candidates}. */
  static Map<String, Object> reviewCase(String caseNo, String kind, List<String> candidates) {
    return Map.of("caseNo", caseNo, "kind", kind, "title", "干部选拔任用审查", "candidates", candidates);
  }

  /** A small PDF file (its type is checked by content). */
  static byte[] pdf() {
    return "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The same score on all six dimensions. */
  static Map<String, Object> dimensions(int score) {
    Map<String, Object> dimensions = new HashMap<>();
    DIMENSIONS.forEach(d -> dimensions.put(d, score));
    return dimensions;
  }
}
