package gov.supervision.checklist.excel;

import gov.supervision.checklist.checklist.ChecklistService;
import gov.supervision.checklist.checklist.ChecklistStore;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.item.ItemService;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.contracts.Refusal;
import gov.supervision.support.security.CurrentUser;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Excel export of a checklist and of its statistics, the import template and the import of items.
 */
@RestController
class ExcelController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ItemWorkbook workbook;
  private final StatisticsWorkbook statisticsWorkbook;
  private final ChecklistStore checklists;
  private final ChecklistService checklistService;
  private final ItemStore items;
  private final ItemService itemService;
  private final Deadlines deadlines;

  ExcelController(
      ItemWorkbook workbook,
      StatisticsWorkbook statisticsWorkbook,
      ChecklistStore checklists,
      ChecklistService checklistService,
      ItemStore items,
      ItemService itemService,
      Deadlines deadlines) {
    this.workbook = workbook;
    this.statisticsWorkbook = statisticsWorkbook;
    this.checklists = checklists;
    this.checklistService = checklistService;
    this.items = items;
    this.itemService = itemService;
    this.deadlines = deadlines;
  }

  @GetMapping("/api/checklists/{id}/export.xlsx")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR')")
  public ResponseEntity<byte[]> export(@PathVariable String id) {
    var checklist = checklists.get(id);
    byte[] body = workbook.export(items.ofChecklist(id), deadlines);
    return file(body, checklist.year() + "-" + checklist.scope() + "-重点事项清单.xlsx");
  }

  /** The figures of {@code GET /api/checklists/{id}/statistics} as a workbook. */
  @GetMapping("/api/checklists/{id}/statistics.xlsx")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN','AUDITOR')")
  public ResponseEntity<byte[]> statistics(@PathVariable String id) {
    var checklist = checklists.get(id);
    byte[] body = statisticsWorkbook.export(checklistService.statistics(id));
    return file(body, checklist.year() + "-" + checklist.scope() + "-统计分析.xlsx");
  }

  @GetMapping("/api/checklists/items/import-template.xlsx")
  @PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
  public ResponseEntity<byte[]> template() {
    return file(workbook.template(), "重点事项导入模板.xlsx");
  }

  @PostMapping(
      path = "/api/checklists/{id}/items/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('INSPECTOR')")
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseEntity<Map<String, Object>> importItems(
      @PathVariable String id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) @Size(max = 1000) String revisionReason,
      CurrentUser user)
      throws IOException {
    checklists.get(id);
    if (file.isEmpty()) {
      throw Refusal.invalid("file", "文件为空 the file is empty");
    }
    var requests = readAll(file);
    var added = itemService.add(id, requests, revisionReason, user.sub());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("checklistId", id, "imported", added.size()));
  }

  private java.util.List<gov.supervision.checklist.item.NewItemRequest> readAll(MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return workbook.read(in);
    }
  }

  private static ResponseEntity<byte[]> file(byte[] body, String name) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }
}
