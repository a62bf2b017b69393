package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Evidence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Metadata of an attachment given as evidence. */
public record EvidenceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 500) String uri) {

  Evidence evidence() {
    return Evidence.link(name, uri);
  }
}
