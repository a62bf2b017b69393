package gov.supervision.checklist.item;

import gov.supervision.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The 404 answers of items and findings: their own problem types ({@code item-not-found}, {@code
 * finding-not-found}), given alike for an id nobody knows and for one the caller may not know of,
 * so that ids cannot be probed. They are HTTP answers of the item use cases ({@code Refusal}'s
 * not-found has the generic type {@code not-found}); the store only says "no such item" (empty).
 */
final class ItemProblems {

  private ItemProblems() {}

  static ApiProblem itemNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, "item-not-found", "未找到 Not found", "事项 " + id + " 不存在 no such item");
  }

  static ApiProblem findingNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "finding-not-found",
        "未找到 Not found",
        "问题 " + id + " 不存在 no such finding");
  }
}
