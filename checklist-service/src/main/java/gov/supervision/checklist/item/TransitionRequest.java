package gov.supervision.checklist.item;

import gov.supervision.checklist.domain.Stage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Move an item to another stage; going back needs a {@code note}. */
public record TransitionRequest(
    @NotNull Stage to,
    @Size(max = 2000) String note,
    @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "无效的人员编号 invalid person id")
        String assignee,
    @Valid @Size(max = 20) List<EvidenceRequest> evidence) {}
