package gov.supervision.checklist.web;

import gov.supervision.contracts.Refusal;
import gov.supervision.support.security.CurrentUser;

/**
 * Unit scoping: a caller whose only say comes from {@code UNIT_LEAD} sees and acts on its own
 * unit's published items only. An item it may not see is answered 404 like an unknown one, so that
 * ids cannot be probed; a list naming another unit is 403 (the unit codes are public, so the
 * refusal reveals nothing).
 */
public final class UnitAccess {

  private UnitAccess() {}

  /** Whether the caller is limited to its own unit (a unit lead without a wider role). */
  public static boolean unitScoped(CurrentUser user) {
    return user.hasRole("UNIT_LEAD") && !user.hasAnyRole("INSPECTOR", "ADMIN", "AUDITOR");
  }

  /**
   * Whether the caller may know of an item of {@code unit} at all: a scoped caller only of its own
   * unit's published items (a draft is the inspection team's work in progress), everyone else of
   * every item. What a caller may not know of is answered as if it did not exist.
   */
  public static boolean maySee(CurrentUser user, String unit, boolean published) {
    return !unitScoped(user) || (published && user.unit() != null && user.unit().equals(unit));
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
      throw Refusal.forbidden("只能访问本单位的事项 a unit lead acts on its own unit only");
    }
    return user.unit();
  }

  /** 403 unless the caller is an inspector or the unit lead of {@code unit}. */
  public static void requireInspectorOrLeadOf(CurrentUser user, String unit) {
    if (user.hasRole("INSPECTOR")) {
      return;
    }
    if (!user.hasRole("UNIT_LEAD") || user.unit() == null || !user.unit().equals(unit)) {
      throw Refusal.forbidden("只有检查组或本单位负责人可以操作 inspector or this unit's lead only");
    }
  }
}
