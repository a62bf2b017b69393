package gov.supervision.evaluation.cadre;

import gov.supervision.contracts.Refusal;
import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Registration of cadres and recording of evaluations (ADMIN / EVALUATOR). */
@RestController
@RequestMapping("/api/cadres")
class CadreController {

  private final CadreService service;

  CadreController(CadreService service) {
    this.service = service;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('ADMIN','EVALUATOR')")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<CadreResponse> register(@Valid @RequestBody RegisterCadreRequest request) {
    Cadre cadre =
        service.register(request.id(), request.name(), request.unit(), request.position());
    CadreDocument doc = service.load(cadre.id());
    return ResponseEntity.created(URI.create("/api/cadres/" + cadre.id()))
        .body(CadreResponse.from(cadre, doc.registeredAt()));
  }

  /**
   * Profiles only, like {@code GET /{id}}: reference data the keepers of the files work from, so
   * not a read of anyone's file and not logged. The records are read one file at a time, logged.
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN','EVALUATOR')")
  CadrePage list(
      @RequestParam(required = false) @Parameter(schema = @Schema(maxLength = 10)) String unit,
      @RequestParam(required = false) @Size(max = 100) String name,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
    String unitCode = blankToNull(unit);
    if (unitCode != null && !Cadre.UNIT.matcher(unitCode).matches()) {
      throw Refusal.invalid("unit", "须为 2-10 位大写字母 2-10 capital letters");
    }
    String namePart = blankToNull(name);
    return new CadrePage(
        service.page(unitCode, namePart, page, size).stream()
            .map(doc -> CadreResponse.from(doc.cadre(), doc.registeredAt()))
            .toList(),
        page,
        size,
        service.count(unitCode, namePart));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADMIN','EVALUATOR')")
  CadreResponse profile(@PathVariable String id) {
    CadreDocument doc = service.load(id);
    return CadreResponse.from(doc.cadre(), doc.registeredAt());
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('ADMIN','EVALUATOR')")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<ImportResponse> importFile(@RequestParam("file") MultipartFile file)
      throws IOException {
    if (file.isEmpty()) {
      throw Refusal.invalid("file", "文件为空 the file is empty");
    }
    List<String> ids =
        service.importRows(CadreSheet.read(file.getOriginalFilename(), file.getBytes()));
    return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResponse(ids.size(), ids));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @PostMapping("/{id}/evaluations")
  @PreAuthorize("hasRole('EVALUATOR')")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<RecordResponse> record(
      @PathVariable String id, @Valid @RequestBody EvaluationRequest request, CurrentUser user) {
    CadreService.Recorded recorded = service.record(id, user.sub(), request.toNewRecord());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(RecordResponse.from(recorded.cadre(), recorded.record()));
  }
}
