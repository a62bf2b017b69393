package gov.supervision.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.Refusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one advice answers each kind of refusal with its status, type, title, detail and field. */
class RefusalProblemsTest {

  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void invalidInputIs400NamingTheField() {
    ResponseEntity<ProblemDetail> answer =
        handler.refusal(Refusal.invalid("note", "退回时必须说明原因 a note is required"));
    ProblemDetail problem = answer.getBody();
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(problem.getType()).hasToString("urn:supervision:problem:invalid-input");
    assertThat(problem.getTitle()).isEqualTo("输入无效 Invalid input");
    assertThat(problem.getDetail()).isEqualTo("note: 退回时必须说明原因 a note is required");
    assertThat(problem.getProperties())
        .containsEntry("errors", List.of(new FieldProblem("note", "退回时必须说明原因 a note is required")));
  }

  @Test
  void aConflictIs409WithTheRuleAsType() {
    ProblemDetail problem =
        handler.refusal(Refusal.conflict("item-closed", "事项已办结 item is closed")).getBody();
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getType()).hasToString("urn:supervision:problem:item-closed");
    assertThat(problem.getTitle()).isEqualTo("状态冲突 Conflict");
    assertThat(problem.getDetail()).isEqualTo("事项已办结 item is closed");
    assertThat(problem.getProperties()).isNull();
  }

  @Test
  void anUnknownIdIs404SayingWhatIsMissing() {
    ProblemDetail problem = handler.refusal(Refusal.notFound("干部 cadre", "C-9")).getBody();
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getType()).hasToString("urn:supervision:problem:not-found");
    assertThat(problem.getTitle()).isEqualTo("未找到 Not found");
    assertThat(problem.getDetail()).isEqualTo("干部 cadre C-9 不存在 does not exist");
  }

  @Test
  void aRoleThatMayNotIs403() {
    ProblemDetail problem = handler.refusal(Refusal.forbidden("只能查看本单位 own unit only")).getBody();
    assertThat(problem.getStatus()).isEqualTo(403);
    assertThat(problem.getType()).hasToString("urn:supervision:problem:forbidden");
    assertThat(problem.getTitle()).isEqualTo("无权访问 Forbidden");
    assertThat(problem.getDetail()).isEqualTo("只能查看本单位 own unit only");
  }

  @Test
  void anApiProblemCarriesItsExtraMembersInOrder() {
    ApiProblem rejected =
        new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "import-rejected",
                "导入被拒绝 Import rejected",
                "2 行有误 2 rows are wrong",
                List.of(new FieldProblem("rows[2].unit", "未知单位 unknown unit")))
            .withProperty("rows", List.of(Map.of("row", 2)))
            .withProperty("file", "cadres.xlsx");
    ProblemDetail problem = handler.apiProblem(rejected).getBody();
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType()).hasToString("urn:supervision:problem:import-rejected");
    assertThat(problem.getProperties().keySet()).containsExactly("errors", "rows", "file");
    assertThat(problem.getProperties()).containsEntry("rows", List.of(Map.of("row", 2)));
  }
}
