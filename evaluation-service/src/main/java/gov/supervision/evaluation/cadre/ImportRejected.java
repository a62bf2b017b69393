package gov.supervision.evaluation.cadre;

import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A bulk registration refused as a whole, with what is wrong in which row and field: 400 {@code
 * import-rejected}, each problem in {@code errors} as {@code rows[<row>].<field>} and the whole
 * list as {@code rows} (an answer only HTTP gives, hence an {@link ApiProblem}).
 */
public class ImportRejected extends ApiProblem {

  /** One problem: the row number as the file shows it (header = row 1), the field, the message. */
  public record RowProblem(int row, String field, String message) {}

  private final List<RowProblem> problems;

  public ImportRejected(List<RowProblem> problems) {
    super(
        HttpStatus.BAD_REQUEST,
        "import-rejected",
        "导入被拒绝 Import rejected",
        "导入被拒绝，未导入任何记录 import rejected, nothing imported",
        problems.stream()
            .map(p -> new FieldProblem("rows[" + p.row() + "]." + p.field(), p.message()))
            .toList());
    this.problems = List.copyOf(problems);
    withProperty("rows", this.problems);
  }

  public List<RowProblem> problems() {
    return problems;
  }
}
