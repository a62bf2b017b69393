package gov.supervision.checklist.item;

import gov.supervision.support.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rectification (unit lead of the unit, inspector) and verification (inspector) of findings. */
@RestController
@RequestMapping("/api/findings")
class FindingController {

  private final ItemService service;

  FindingController(ItemService service) {
    this.service = service;
  }

  @PostMapping("/{id}/rectification")
  @PreAuthorize("hasAnyRole('INSPECTOR','UNIT_LEAD')")
  public FindingResponse rectify(
      @PathVariable String id, @Valid @RequestBody RectificationRequest request, CurrentUser user) {
    return service.rectify(id, request, user);
  }

  @PostMapping("/{id}/verification")
  @PreAuthorize("hasRole('INSPECTOR')")
  public FindingResponse verify(
      @PathVariable String id, @Valid @RequestBody VerificationRequest request, CurrentUser user) {
    return service.verify(id, request, user.sub());
  }
}
