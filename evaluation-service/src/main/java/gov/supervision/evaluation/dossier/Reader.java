package gov.supervision.evaluation.dossier;

import gov.supervision.support.security.CurrentUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who reads a printed file, as its watermark names them: the display name ({@code name} claim, else
 * {@code sub}) and the unit ({@code unit} claim, else the department of the HR role).
 */
record Reader(String displayName, String unit) {

  static final String HR_DEPARTMENT = "组织人事部门";

  static Reader of(Jwt jwt, CurrentUser user) {
    String name = jwt == null ? null : jwt.getClaimAsString("name");
    String unit = user.unit();
    return new Reader(
        name == null || name.isBlank() ? user.sub() : name.strip(),
        unit == null || unit.isBlank() ? HR_DEPARTMENT : unit);
  }
}
