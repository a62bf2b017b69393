package gov.supervision.checklist.item;

import gov.supervision.checklist.attachment.AttachmentStore;
import gov.supervision.checklist.checklist.ChecklistStore;
import gov.supervision.checklist.domain.Attachment;
import gov.supervision.checklist.domain.Checklist;
import gov.supervision.checklist.domain.ChecklistStatus;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.Evidence;
import gov.supervision.checklist.domain.Finding;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.warning.EarlyWarnings;
import gov.supervision.checklist.web.UnitAccess;
import gov.supervision.contracts.Refusal;
import gov.supervision.support.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** The use cases of items and findings: each loads, asks the domain, and writes once. */
@Service
public class ItemService {

  private final ItemStore items;
  private final ChecklistStore checklists;
  private final EarlyWarnings warnings;
  private final AttachmentStore attachments;
  private final Deadlines deadlines;

  ItemService(
      ItemStore items,
      ChecklistStore checklists,
      EarlyWarnings warnings,
      AttachmentStore attachments,
      Deadlines deadlines) {
    this.items = items;
    this.checklists = checklists;
    this.warnings = warnings;
    this.attachments = attachments;
    this.deadlines = deadlines;
  }

  /**
   * Adds items to a checklist: freely to a draft; to a published one only with a reason, recorded
   * as a revision first, and the items then enter the ledger published (ItemPublished). All or
   * nothing for the requests given: they are validated before anything is written.
   */
  public List<Item> add(
      String checklistId, List<NewItemRequest> requests, String reason, String actor) {
    Checklist checklist = checklists.get(checklistId);
    List<String> ids = requests.stream().map(r -> UUID.randomUUID().toString()).toList();
    boolean revision = false;
    if (checklist.status() != ChecklistStatus.DRAFT) {
      String change = "ITEMS_ADDED " + String.join(",", ids);
      checklists.update(
          checklistId,
          c ->
              c.acceptItem(
                  reason,
                  change.length() > 2000 ? change.substring(0, 2000) : change,
                  actor,
                  deadlines.now()));
      revision = true;
    }
    List<Item> created = new java.util.ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Item item =
          Item.register(ids.get(i), checklistId, requests.get(i).draft(), actor, deadlines.now());
      if (revision) {
        item.publish(actor, reason, deadlines);
      }
      created.add(item);
    }
    if (created.size() == 1) {
      items.insert(created.get(0));
    } else {
      items.insertAll(created);
    }
    if (!revision && checklists.get(checklistId).status() != ChecklistStatus.DRAFT) {
      // the checklist was published while these were written: publish them as well (idempotent)
      for (Item item : created) {
        items.updateIf(item.id(), i -> i.publish(actor, null, deadlines));
      }
      revision = true;
    }
    if (revision) {
      created.stream().map(Item::responsibleUnit).distinct().forEach(warnings::evaluate);
    }
    return created;
  }

  /** Changes the fields of an item of a draft checklist (409 once published). */
  public Item redraft(String id, NewItemRequest request, String actor) {
    requireDraftChecklist(existing(id));
    return update(id, item -> item.redraft(request.draft(), actor, deadlines.now()));
  }

  /** Removes an item from a draft checklist (409 once published), with its evidence files. */
  public void withdraw(String id) {
    requireDraftChecklist(existing(id));
    if (!items.deleteUnpublished(id)) {
      existing(id).requireUnpublished(); // published meanwhile (409), or gone already (404)
    }
    attachments.deleteOfItem(id);
  }

  private void requireDraftChecklist(Item item) {
    item.requireUnpublished();
    if (checklists.get(item.checklistId()).status() != ChecklistStatus.DRAFT) {
      throw Refusal.conflict(
          "item-published",
          "清单已发布，事项只能通过修订变更 the checklist is published; items change only through revisions");
    }
  }

  /** The item, if the caller may know of it; else 404 {@code item-not-found}, as for no item. */
  public Item get(String id, CurrentUser user) {
    return find(id, user).orElseThrow(() -> ItemProblems.itemNotFound(id));
  }

  /** The item, if it exists and the caller may know of it. */
  public Optional<Item> find(String id, CurrentUser user) {
    return items.find(id).filter(item -> maySee(user, item));
  }

  /**
   * The item holding the finding, if the caller may know of it; else 404 {@code finding-not-found},
   * as for no finding.
   */
  public Item byFinding(String findingId, CurrentUser user) {
    return items
        .byFinding(findingId)
        .filter(item -> maySee(user, item))
        .orElseThrow(() -> ItemProblems.findingNotFound(findingId));
  }

  /** The item, or 404 {@code item-not-found}. */
  private Item existing(String id) {
    return items.find(id).orElseThrow(() -> ItemProblems.itemNotFound(id));
  }

  /**
   * Changes the item in one write (see {@link ItemStore#update}), or 404 {@code item-not-found}.
   */
  private Item update(String id, Consumer<Item> change) {
    return items.update(id, change).orElseThrow(() -> ItemProblems.itemNotFound(id));
  }

  private static boolean maySee(CurrentUser user, Item item) {
    return UnitAccess.maySee(user, item.responsibleUnit(), item.published());
  }

  public Item transition(String id, TransitionRequest request, String actor) {
    Item item =
        update(
            id,
            i ->
                i.advanceTo(
                    request.to(),
                    actor,
                    request.note(),
                    request.assignee(),
                    evidence(request.evidence()),
                    deadlines));
    if (request.to() == Stage.CLOSED) {
      // only closing changes the unit's indicators (the item leaves its open items); any other
      // stage keeps red items and open findings as they were, so the unit is not re-read
      warnings.evaluate(item.responsibleUnit());
    }
    return item;
  }

  public Item progress(String id, ProgressRequest request, CurrentUser user) {
    Item current = get(id, user);
    UnitAccess.requireInspectorOrLeadOf(user, current.responsibleUnit());
    List<Evidence> evidence =
        Stream.concat(
                evidence(request.evidence()).stream(),
                attached(request.attachmentIds(), current.id(), null).stream())
            .toList();
    return update(id, i -> i.addProgress(user.sub(), request.note(), evidence, deadlines));
  }

  public FindingResponse raise(String itemId, FindingRequest request, String actor) {
    String findingId = UUID.randomUUID().toString();
    Item item =
        update(
            itemId,
            i ->
                i.raiseFinding(
                    findingId,
                    request.description(),
                    request.severity(),
                    request.cadreId(),
                    request.rectifyBy(),
                    actor,
                    deadlines));
    if (request.severity().isMajorOrWorse()) {
      warnings.evaluate(item.responsibleUnit()); // a minor finding is not an indicator
    }
    return FindingResponse.of(item.id(), item.responsibleUnit(), item.finding(findingId));
  }

  public FindingResponse rectify(String findingId, RectificationRequest request, CurrentUser user) {
    Item current = byFinding(findingId, user);
    UnitAccess.requireInspectorOrLeadOf(user, current.responsibleUnit());
    List<Evidence> evidence = attached(request.attachmentIds(), current.id(), findingId);
    Item item =
        update(
            current.id(),
            i -> i.rectify(findingId, request.report(), evidence, user.sub(), deadlines));
    return FindingResponse.of(item.id(), item.responsibleUnit(), item.finding(findingId));
  }

  public FindingResponse verify(String findingId, VerificationRequest request, String actor) {
    Item current =
        items.byFinding(findingId).orElseThrow(() -> ItemProblems.findingNotFound(findingId));
    Item item =
        update(
            current.id(),
            i -> i.verify(findingId, request.accepted(), request.note(), actor, deadlines));
    warnings.evaluate(item.responsibleUnit());
    Finding finding = item.finding(findingId);
    return FindingResponse.of(item.id(), item.responsibleUnit(), finding);
  }

  /**
   * The uploaded files named by {@code ids} as evidence, in the order given; each must have been
   * uploaded for this item itself ({@code findingId} null) or for this finding, else 400 naming
   * {@code attachmentIds}.
   */
  private List<Evidence> attached(List<String> ids, String itemId, String findingId) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    List<String> wanted = ids.stream().distinct().toList();
    Map<String, Attachment> found =
        attachments.findAll(wanted).stream()
            .collect(Collectors.toMap(Attachment::id, Function.identity()));
    List<Evidence> evidence = new ArrayList<>();
    for (String id : wanted) {
      Attachment attachment = found.get(id);
      if (attachment == null || !attachment.uploadedFor(itemId, findingId)) {
        throw Refusal.invalid(
            "attachmentIds",
            findingId == null
                ? "附件不存在或不是为本事项上传的 an attachment is unknown or was not uploaded for this item"
                : "附件不存在或不是为本问题上传的 an attachment is unknown or was not uploaded for this finding");
      }
      evidence.add(attachment.evidence());
    }
    return evidence;
  }

  private static List<Evidence> evidence(List<EvidenceRequest> requests) {
    return requests == null ? List.of() : requests.stream().map(EvidenceRequest::evidence).toList();
  }
}
