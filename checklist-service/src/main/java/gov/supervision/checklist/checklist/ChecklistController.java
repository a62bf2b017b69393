package gov.supervision.checklist.checklist;

import gov.supervision.checklist.domain.ChecklistStatus;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.item.ItemResponse;
import gov.supervision.checklist.item.ItemService;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.checklist.item.NewItemRequest;
import gov.supervision.checklist.web.PageResponse;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checklists: create, list, read with items, add items, publish, archive, statistics. */
@RestController
@RequestMapping("/api/checklists")
class ChecklistController {

  private final ChecklistService service;
  private final ChecklistStore checklists;
  private final ItemStore items;
  private final ItemService itemService;
  private final Deadlines deadlines;

  ChecklistController(
      ChecklistService service,
      ChecklistStore checklists,
      ItemStore items,
      ItemService itemService,
      Deadlines deadlines) {
    this.service = service;
    this.checklists = checklists;
    this.items = items;
    this.itemService = itemService;
    this.deadlines = deadlines;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
  public ChecklistResponse create(
      @Valid @RequestBody CreateChecklistRequest request, CurrentUser user) {
    return ChecklistResponse.of(service.create(request, user.sub()), List.of());
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR')")
  public PageResponse<ChecklistResponse> list(
      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
      @RequestParam(required = false) ChecklistStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    var content =
        checklists.page(year, status, page, size).stream()
            .map(c -> ChecklistResponse.of(c, null))
            .toList();
    return PageResponse.of(content, page, size, checklists.count(year, status));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR')")
  public ChecklistResponse get(@PathVariable String id) {
    return withItems(id);
  }

  @PostMapping("/{id}/items")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('INSPECTOR')")
  public ItemResponse addItem(
      @PathVariable String id, @Valid @RequestBody NewItemRequest request, CurrentUser user) {
    var added = itemService.add(id, List.of(request), request.revisionReason(), user.sub());
    return ItemResponse.of(added.get(0), deadlines);
  }

  @PostMapping("/{id}/publish")
  @PreAuthorize("hasRole('INSPECTOR')")
  public ChecklistResponse publish(@PathVariable String id, CurrentUser user) {
    service.publish(id, user.sub());
    return withItems(id);
  }

  @PostMapping("/{id}/archive")
  @PreAuthorize("hasRole('INSPECTOR')")
  public ChecklistResponse archive(@PathVariable String id, CurrentUser user) {
    return ChecklistResponse.of(service.archive(id, user.sub()), null);
  }

  @GetMapping("/{id}/statistics")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR')")
  public StatisticsResponse statistics(@PathVariable String id) {
    return service.statistics(id);
  }

  private ChecklistResponse withItems(String id) {
    var checklist = checklists.get(id);
    var itemResponses =
        items.ofChecklist(id).stream().map(i -> ItemResponse.of(i, deadlines)).toList();
    return ChecklistResponse.of(checklist, itemResponses);
  }
}
