package gov.supervision.checklist.web;

import gov.supervision.support.security.CurrentUser;
import gov.supervision.support.web.ApiProblem;

/**
 * Unit scoping: a caller whose only say comes from {@code UNIT_LEAD} sees and acts on its own
 * unit's items only.
 */
public final class UnitAccess {

  private UnitAccess() {}

  /** Whether the caller is limited to its own unit (a unit lead without a wider role). */
  public static boolean unitScoped(CurrentUser user) {
    return user.hasRole("UNIT_LEAD") && !user.hasAnyRole("INSPECTOR", "ADMIN", "AUDITOR");
  }

  /** 403 unless the caller may see or act on an item of {@code unit}. */
  public static void requireUnit(CurrentUser user, String unit) {
    if (unitScoped(user) && (user.unit() == null || !user.unit().equals(unit))) {
      throw ApiProblem.forbidden("只能访问本单位的事项 a unit lead acts on its own unit only");
    }
  }

  /**
   * The unit filter a list may use: a scoped caller gets its own unit (403 for another), others
   * what they asked for.
   */
  public static String unitFilter(CurrentUser user, String requested) {
    if (!unitScoped(user)) {
      return requested;
    }
    if (user.unit() == null || (requested != null && !requested.equals(user.unit()))) {
      throw ApiProblem.forbidden("只能访问本单位的事项 a unit lead acts on its own unit only");
    }
    return user.unit();
  }

  /** 403 unless the caller is an inspector or the unit lead of {@code unit}. */
  public static void requireInspectorOrLeadOf(CurrentUser user, String unit) {
    if (user.hasRole("INSPECTOR")) {
      return;
    }
    if (!user.hasRole("UNIT_LEAD") || user.unit() == null || !user.unit().equals(unit)) {
      throw ApiProblem.forbidden("只有检查组或本单位负责人可以操作 inspector or this unit's lead only");
    }
  }
}
