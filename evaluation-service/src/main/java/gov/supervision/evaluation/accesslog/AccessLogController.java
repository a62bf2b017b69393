package gov.supervision.evaluation.accesslog;

import gov.supervision.contracts.Refusal;
import gov.supervision.evaluation.domain.ReviewCase;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's view of the access log (纪检监察). */
@RestController
@RequestMapping("/api/access-log")
@PreAuthorize("hasRole('AUDITOR')")
class AccessLogController {

  private static final long MAX_PAGE = 100_000;
  private static final long MAX_SIZE = 500;

  private final AccessLog log;
  private final ReadingWatch watch;
  private final AccessLogCheckpoints checkpoints;
  private final ChainVerifier verifier;
  private final Witness witness;
  private final Clock clock;

  AccessLogController(
      AccessLog log,
      ReadingWatch watch,
      AccessLogCheckpoints checkpoints,
      ChainVerifier verifier,
      Witness witness,
      Clock clock) {
    this.log = log;
    this.watch = watch;
    this.checkpoints = checkpoints;
    this.verifier = verifier;
    this.witness = witness;
    this.clock = clock;
  }

  /**
   * Entries matching every filter given: {@code caseNo} is the review case number (the entry's
   * purpose), {@code outcome} the HTTP status the read ended with.
   */
  @GetMapping
  AccessLogPage search(
      @RequestParam(required = false) @Size(max = 100) String cadreId,
      @RequestParam(required = false) @Size(max = 100) String actor,
      @RequestParam(required = false) @Size(max = 200) String caseNo,
      @RequestParam(required = false) @Min(100) @Max(599) Integer outcome,
      @RequestParam(required = false) @Size(max = 40) String from,
      @RequestParam(required = false) @Size(max = 40) String to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
    if (caseNo != null && !ReviewCase.CASE_NO.matcher(caseNo).matches()) {
      throw Refusal.invalid("caseNo", "格式无效 invalid format");
    }
    AccessLog.Filter filter =
        new AccessLog.Filter(
            plain("cadreId", cadreId),
            plain("actor", actor),
            caseNo == null || caseNo.isBlank() ? null : caseNo,
            outcome,
            instant("from", from, false),
            instant("to", to, true));
    return new AccessLogPage(log.find(filter, page, size), page, size, log.count(filter));
  }

  /** The alerts raised about unusual reading (of one reader, when given), newest first. */
  @GetMapping("/alerts")
  AlertPage alerts(
      @RequestParam(required = false) @Size(max = 100) String reader,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
    String who = plain("reader", reader);
    return new AlertPage(watch.alerts(who, page, size), page, size, watch.countAlerts(who));
  }

  /**
   * Walks the whole chain up to the counter and compares it with every signed checkpoint, this
   * service's and the witness's (asked with the auditor's own token).
   */
  @GetMapping("/verify")
  Verification verify(@AuthenticationPrincipal Jwt token) {
    return verifier.verify(witness.checkpoints(token == null ? null : token.getTokenValue()));
  }

  /** The signed checkpoints of the log, newest first. */
  @GetMapping("/checkpoints")
  CheckpointPage checkpoints(
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
    return new CheckpointPage(checkpoints.page(page, size), page, size, checkpoints.count());
  }

  private static String plain(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.matches("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")) {
      throw Refusal.invalid(field, "格式无效 invalid format");
    }
    return value;
  }

  /** An ISO instant, or a date (start of that day; for {@code to}: start of the next day). */
  private Instant instant(String field, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant();
      } catch (DateTimeParseException again) {
        throw Refusal.invalid(field, "须为 ISO 日期或时间 must be an ISO date or instant");
      }
    }
  }
}
