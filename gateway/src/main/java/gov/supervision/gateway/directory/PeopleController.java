package gov.supervision.gateway.directory;

import gov.supervision.gateway.problem.Problems;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/people?ids=a,b}: {@code [{id, name, unit}]} of those among the ids who have
 * signed in (any caller; up to {@value #MAX_IDS} ids of letters, digits and {@code . _ @ -}). An
 * unknown id is simply left out, so the answer says no more than "this id has a name".
 */
@RestController
class PeopleController {

  static final int MAX_IDS = 100;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final PeopleDirectory directory;

  PeopleController(PeopleDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/people")
  Mono<ResponseEntity<?>> people(@RequestParam(name = "ids", required = false) String ids) {
    List<String> wanted =
        ids == null
            ? List.of()
            : Arrays.stream(ids.split(",")).map(String::trim).distinct().toList();
    if (wanted.isEmpty() || wanted.size() > MAX_IDS) {
      return Mono.just(badIds("须给出 1 至 " + MAX_IDS + " 个人员编号 Give 1 to " + MAX_IDS + " ids"));
    }
    if (!wanted.stream().allMatch(id -> ID.matcher(id).matches())) {
      return Mono.just(
          badIds("人员编号只能包含字母、数字和 . _ @ - Ids contain only letters, digits and . _ @ -"));
    }
    return directory
        .find(wanted)
        .sort((a, b) -> a.id().compareTo(b.id()))
        .collectList()
        .map(ResponseEntity::ok);
  }

  private static ResponseEntity<?> badIds(String message) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数 ids 无效 Invalid ids");
    problem.setType(URI.create(Problems.TYPE_PREFIX + "bad-request"));
    problem.setTitle("请求无效 Bad request");
    problem.setProperty("errors", List.of(Map.of("field", "ids", "message", message)));
    return ResponseEntity.badRequest().body(problem);
  }
}
