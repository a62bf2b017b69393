package gov.supervision.evaluation.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.supervision.evaluation.cadre.CadreSheet.CadreRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadreSheetTest {

  static List<CadreRow> read(String csv) {
    return CadreSheet.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsChineseHeadersBomQuotesCrlfAndSkipsBlankLines() {
    List<CadreRow> rows =
        read("\uFEFF职务,编号,姓名,单位\r\n科长,c1,\"张三, \"\"小张\"\"\",FGW\r\n\r\n科员,c2,李四,JW");
    assertThat(rows)
        .containsExactly(
            new CadreRow(2, "c1", "张三, \"小张\"", "FGW", "科长"),
            new CadreRow(4, "c2", "李四", "JW", "科员"));
  }

  @Test
  void acceptsEnglishHeadersAndLeavesEmptyCellsNull() {
    assertThat(read("id,name,unit,position\nc1,,FGW,科长\n"))
        .containsExactly(new CadreRow(2, "c1", null, "FGW", "科长"));
  }

  @Test
  void namesMissingHeaderColumns() {
    assertThatThrownBy(() -> read("编号,姓名\nc1,张三\n"))
        .isInstanceOfSatisfying(
            ImportRejected.class,
            e ->
                assertThat(e.problems())
                    .extracting(ImportRejected.RowProblem::field)
                    .containsExactly("unit", "position"));
  }
}
