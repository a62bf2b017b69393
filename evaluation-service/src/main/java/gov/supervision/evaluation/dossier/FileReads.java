package gov.supervision.evaluation.dossier;

import gov.supervision.evaluation.accesslog.AccessLog;
import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;
import gov.supervision.support.web.RequestIdFilter;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The gate of every personnel-file read. The role is checked here rather than by
 * {@code @PreAuthorize} so that refusals are logged too: whatever the outcome (200, 400 bad
 * purpose, 403 other role, 404 unknown cadre, 500), one entry is appended before the answer leaves;
 * if the entry cannot be written, the file is not handed out.
 */
@Component
class FileReads {

  static final int PURPOSE_MIN = 3;
  static final int PURPOSE_MAX = 200;

  private final AccessLog log;

  FileReads(AccessLog log) {
    this.log = log;
  }

  <T> T read(
      CurrentUser user, String cadreId, String purpose, String endpoint, Supplier<T> answer) {
    int outcome = 500;
    try {
      if (!user.hasRole("HR")) {
        throw ApiProblem.forbidden("仅组织人事部门可查阅干部档案 Only HR may read a cadre's file");
      }
      checkPurpose(purpose);
      T result = answer.get();
      outcome = 200;
      return result;
    } catch (ApiProblem e) {
      outcome = e.status().value();
      throw e;
    } finally {
      log.append(
          new AccessLog.Read(
              user.sub(),
              List.copyOf(new java.util.TreeSet<>(user.roles())),
              clip(cadreId, 100),
              clip(purpose, PURPOSE_MAX),
              endpoint,
              outcome,
              MDC.get(RequestIdFilter.MDC_KEY)));
    }
  }

  /**
   * A purpose is free text (a review reference such as a promotion case number), 3-200 characters,
   * without control characters or the markup/operator characters {@code < > { } $}.
   */
  static void checkPurpose(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw ApiProblem.badField("purpose", "须说明查阅目的 a purpose is required");
    }
    String text = purpose.strip();
    if (text.length() < PURPOSE_MIN || text.length() > PURPOSE_MAX) {
      throw ApiProblem.badField("purpose", "须为 3 到 200 个字符 must be 3..200 characters");
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) || "<>{}$".indexOf(c) >= 0)) {
      throw ApiProblem.badField("purpose", "含不允许的字符 contains characters not allowed");
    }
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
