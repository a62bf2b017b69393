package gov.supervision.evaluation.cadre;

import java.util.List;

/** A bulk registration refused as a whole, with what is wrong in which row and field. */
public class ImportRejected extends RuntimeException {

  /** One problem: the row number as the file shows it (header = row 1), the field, the message. */
  public record RowProblem(int row, String field, String message) {}

  private final List<RowProblem> problems;

  public ImportRejected(List<RowProblem> problems) {
    super("导入被拒绝，未导入任何记录 import rejected, nothing imported");
    this.problems = List.copyOf(problems);
  }

  public List<RowProblem> problems() {
    return problems;
  }
}
