package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.cadre.CadreResponse;
import gov.supervision.evaluation.cadre.RecordResponse;
import java.util.List;

/** The records of a file as its keeper sees them (no veto, no findings): newest first. */
record RecordsResponse(CadreResponse cadre, List<RecordResponse> records) {}
