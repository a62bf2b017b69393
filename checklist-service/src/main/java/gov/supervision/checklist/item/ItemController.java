package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.checklist.item.ItemStore.ItemFilter;
import gov.supervision.checklist.web.PageResponse;
import gov.supervision.checklist.web.UnitAccess;
import gov.supervision.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Items: list, read, draft changes, closed-loop transitions, progress notes and findings. */
@RestController
@RequestMapping("/api/items")
class ItemController {

  private static final String DUE_DATE_ASC = "dueDate,asc";

  private final ItemService service;
  private final ItemStore items;
  private final Deadlines deadlines;

  ItemController(ItemService service, ItemStore items, Deadlines deadlines) {
    this.service = service;
    this.items = items;
    this.deadlines = deadlines;
  }

  /**
   * A page of items matching every filter given, by due date (earliest first unless {@code
   * sort=dueDate,desc}).
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEAD')")
  public PageResponse<ItemResponse> list(
      @RequestParam(required = false)
          @Parameter(schema = @Schema(maxLength = 64))
          @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$")
          String checklistId,
      @RequestParam(required = false)
          @Parameter(schema = @Schema(maxLength = 10))
          @Pattern(regexp = "^[A-Z]{2,10}$")
          String unit,
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) Light light,
      @RequestParam(required = false) SupervisionMethod method,
      @RequestParam(required = false) FocusArea focusArea,
      @RequestParam(required = false)
          @Parameter(schema = @Schema(maxLength = 64))
          @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "无效的人员编号 invalid person id")
          String responsiblePerson,
      @RequestParam(defaultValue = DUE_DATE_ASC)
          @Parameter(schema = @Schema(maxLength = 12))
          @Pattern(
              regexp = "^dueDate,(asc|desc)$",
              message = "只能为 dueDate,asc 或 dueDate,desc must be dueDate,asc or dueDate,desc")
          String sort,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      CurrentUser user) {
    ItemFilter filter =
        new ItemFilter(
            checklistId,
            UnitAccess.unitFilter(user, unit),
            stage,
            light,
            method,
            focusArea,
            responsiblePerson,
            UnitAccess.unitScoped(user));
    Sort.Direction order = sort.equals(DUE_DATE_ASC) ? Sort.Direction.ASC : Sort.Direction.DESC;
    long total = items.count(filter, deadlines.today(), deadlines.yellowWindowDays());
    var content =
        items
            .page(filter, order, deadlines.today(), deadlines.yellowWindowDays(), page, size)
            .stream()
            .map(i -> ItemResponse.of(i, deadlines))
            .toList();
    return PageResponse.of(content, page, size, total);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR','UNIT_LEAD')")
  public ItemResponse get(@PathVariable String id, CurrentUser user) {
    return ItemResponse.of(service.get(id, user), deadlines);
  }

  /** Changes an item while its checklist is a draft. */
  @PutMapping("/{id}")
  @PreAuthorize("hasRole('INSPECTOR')")
  public ItemResponse redraft(
      @PathVariable String id, @Valid @RequestBody NewItemRequest request, CurrentUser user) {
    return ItemResponse.of(service.redraft(id, request, user.sub()), deadlines);
  }

  /** Removes an item while its checklist is a draft. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasRole('INSPECTOR')")
  public void withdraw(@PathVariable String id) {
    service.withdraw(id);
  }

  @PostMapping("/{id}/transitions")
  @PreAuthorize("hasRole('INSPECTOR')")
  public ItemResponse transition(
      @PathVariable String id, @Valid @RequestBody TransitionRequest request, CurrentUser user) {
    return ItemResponse.of(service.transition(id, request, user.sub()), deadlines);
  }

  @PostMapping("/{id}/progress")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('INSPECTOR','UNIT_LEAD')")
  public ItemResponse progress(
      @PathVariable String id, @Valid @RequestBody ProgressRequest request, CurrentUser user) {
    return ItemResponse.of(service.progress(id, request, user), deadlines);
  }

  @PostMapping("/{id}/findings")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('INSPECTOR')")
  public FindingResponse raise(
      @PathVariable String id, @Valid @RequestBody FindingRequest request, CurrentUser user) {
    return service.raise(id, request, user.sub());
  }
}
