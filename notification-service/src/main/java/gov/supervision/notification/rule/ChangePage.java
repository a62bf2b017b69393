package gov.supervision.notification.rule;

import java.util.ArrayList;
import java.util.List;

/** A page of changes, newest first. */
record ChangePage(List<ChangeDetail> content, int page, int size, long totalElements) {

  /** The page {@code page} of the changes (given oldest first), each with the rules before it. */
  static ChangePage of(List<RuleStore.Change> changes, int page, int size) {
    List<ChangeDetail> newestFirst = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      RuleStore.Change change = changes.get(i);
      newestFirst.add(
          new ChangeDetail(
              change.revision(),
              change.updatedBy(),
              change.updatedAt(),
              i == 0 ? null : RuleBody.ofAll(changes.get(i - 1).rules()),
              RuleBody.ofAll(change.rules())));
    }
    int from = (int) Math.min((long) page * size, newestFirst.size());
    int to = Math.min(from + size, newestFirst.size());
    return new ChangePage(newestFirst.subList(from, to), page, size, newestFirst.size());
  }
}
