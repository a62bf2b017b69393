package gov.supervision.checklist.domain;

import gov.supervision.contracts.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding (问题) raised on an item: what was found, how serious, the cadre concerned (optional),
 * the rectification deadline, the unit's report with its evidence and the inspector's verification.
 */
public class Finding {

  private String id;
  private String description;
  private Severity severity;
  private String cadreId;
  private LocalDate rectifyBy;
  private FindingStatus status;
  private String report;
  private List<Evidence> evidence = List.of();
  private String verificationNote;
  private String raisedBy;
  private Instant raisedAt;
  private Instant rectifiedAt;
  private Instant verifiedAt;

  private Finding() {}

  static Finding raise(
      String id,
      String description,
      Severity severity,
      String cadreId,
      LocalDate rectifyBy,
      String actor,
      Instant now) {
    Finding finding = new Finding();
    finding.id = id;
    finding.description = description;
    finding.severity = severity;
    finding.cadreId = cadreId;
    finding.rectifyBy = rectifyBy;
    finding.status = FindingStatus.OPEN;
    finding.raisedBy = actor;
    finding.raisedAt = now;
    return finding;
  }

  void rectify(String report, List<Evidence> evidence, Instant now) {
    if (status != FindingStatus.OPEN && status != FindingStatus.RECTIFYING) {
      throw Refusal.conflict(
          "illegal-finding-transition",
          "finding " + id + " is " + status + ", cannot be rectified");
    }
    if (report == null || report.isBlank()) {
      throw Refusal.invalid("report", "整改报告不能为空 the rectification report is required");
    }
    this.report = report;
    this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
    this.status = FindingStatus.RECTIFIED;
    this.rectifiedAt = now;
  }

  void verify(boolean accepted, String note, Instant now) {
    if (status != FindingStatus.RECTIFIED) {
      throw Refusal.conflict(
          "illegal-finding-transition",
          "finding " + id + " is " + status + ", only a rectified finding can be verified");
    }
    if (!accepted && (note == null || note.isBlank())) {
      throw Refusal.invalid("note", "驳回须说明理由 a rejection needs a note");
    }
    this.status = accepted ? FindingStatus.VERIFIED : FindingStatus.RECTIFYING;
    this.verificationNote = note;
    this.verifiedAt = now;
  }

  /** Whether the finding still counts against its unit (not yet verified). */
  public boolean isOpen() {
    return status != FindingStatus.VERIFIED;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public Severity severity() {
    return severity;
  }

  public String cadreId() {
    return cadreId;
  }

  public LocalDate rectifyBy() {
    return rectifyBy;
  }

  public FindingStatus status() {
    return status;
  }

  public String report() {
    return report;
  }

  /** The evidence of the latest rectification report. */
  public List<Evidence> evidence() {
    return evidence == null ? List.of() : List.copyOf(evidence);
  }

  public String verificationNote() {
    return verificationNote;
  }

  public String raisedBy() {
    return raisedBy;
  }

  public Instant raisedAt() {
    return raisedAt;
  }

  public Instant rectifiedAt() {
    return rectifiedAt;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }
}
