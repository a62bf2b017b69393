package gov.supervision.checklist.domain;

import gov.supervision.contracts.Refusal;
import gov.supervision.contracts.checklist.ChecklistEvent;
import gov.supervision.contracts.checklist.ChecklistPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The annual political-supervision checklist of a scope (年度政治监督重点事项清单): {@code DRAFT -> PUBLISHED
 * -> ARCHIVED}. Only a draft takes items freely; a published list changes only through revisions
 * with a reason.
 */
public class Checklist {

  private String id;
  private int year;
  private String scope;
  private String title;
  private ChecklistStatus status;
  private String createdBy;
  private Instant createdAt;
  private String publishedBy;
  private Instant publishedAt;
  private Instant archivedAt;

  /** True from the publishing write until every item has been published too. */
  private boolean publishing;

  private List<Revision> revisions = new ArrayList<>();
  private transient List<ChecklistEvent> events = new ArrayList<>();

  private Checklist() {}

  /** A new draft checklist. */
  public static Checklist draft(
      String id, int year, String scope, String title, String actor, Instant now) {
    Checklist checklist = new Checklist();
    checklist.id = Objects.requireNonNull(id);
    checklist.year = year;
    checklist.scope = Objects.requireNonNull(scope);
    checklist.title = Objects.requireNonNull(title);
    checklist.status = ChecklistStatus.DRAFT;
    checklist.createdBy = actor;
    checklist.createdAt = now;
    return checklist;
  }

  /**
   * Publishes a draft: records ChecklistPublished with the item ids and marks the checklist as
   * {@code publishing} until its items are published as well.
   */
  public void publish(List<String> itemIds, String actor, Instant now) {
    if (status != ChecklistStatus.DRAFT) {
      throw Refusal.conflict(
          "illegal-transition", "只能发布草稿清单 only a draft can be published (is " + status + ")");
    }
    status = ChecklistStatus.PUBLISHED;
    publishedBy = actor;
    publishedAt = now;
    publishing = true;
    events().add(new ChecklistPublished(id, year, scope, title, List.copyOf(itemIds), actor, now));
  }

  /** Every item is published: the publishing marker goes. */
  public void publishingCompleted() {
    publishing = false;
  }

  /** Archives a published checklist. */
  public void archive(String actor, Instant now) {
    if (status != ChecklistStatus.PUBLISHED) {
      throw Refusal.conflict(
          "illegal-transition",
          "只能归档已发布的清单 only a published checklist can be archived (is " + status + ")");
    }
    status = ChecklistStatus.ARCHIVED;
    archivedAt = now;
    revisions.add(new Revision(now, actor, "archived", "ARCHIVED"));
  }

  /**
   * Checks that an item may be added: freely to a draft, to a published list only with a reason
   * (the change is then recorded as a revision), never to an archived one. True when it is a
   * revision.
   */
  public boolean acceptItem(String revisionReason, String change, String actor, Instant now) {
    switch (status) {
      case DRAFT -> {
        return false;
      }
      case PUBLISHED -> {
        if (revisionReason == null || revisionReason.isBlank()) {
          throw Refusal.invalid(
              "revisionReason", "修改已发布清单须说明理由 a published checklist changes only with a reason");
        }
        revisions.add(new Revision(now, actor, revisionReason, change));
        return true;
      }
      default -> throw Refusal.conflict("checklist-archived", "清单已归档 the checklist is archived");
    }
  }

  /** The events recorded since the last call, in order; the list is emptied. */
  public List<ChecklistEvent> drainEvents() {
    List<ChecklistEvent> drained = List.copyOf(events());
    events().clear();
    return drained;
  }

  private List<ChecklistEvent> events() {
    if (events == null) {
      events = new ArrayList<>();
    }
    return events;
  }

  public String id() {
    return id;
  }

  public int year() {
    return year;
  }

  public String scope() {
    return scope;
  }

  public String title() {
    return title;
  }

  public ChecklistStatus status() {
    return status;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String publishedBy() {
    return publishedBy;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant archivedAt() {
    return archivedAt;
  }

  public boolean publishing() {
    return publishing;
  }

  public List<Revision> revisions() {
    return List.copyOf(revisions);
  }
}
