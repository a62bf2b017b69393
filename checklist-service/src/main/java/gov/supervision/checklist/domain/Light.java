package gov.supervision.checklist.domain;

import java.time.LocalDate;

/** The warning light of an open item (红黄绿灯), computed from its due date. */
public enum Light {
  GREEN,
  YELLOW,
  RED;

  /**
   * The light of an item due on {@code dueDate} seen on {@code today}: red when overdue, yellow
   * when due within {@code yellowWindowDays} (today included), else green; null when closed.
   */
  public static Light of(
      LocalDate dueDate, LocalDate today, long yellowWindowDays, boolean closed) {
    if (closed) {
      return null;
    }
    if (dueDate.isBefore(today)) {
      return RED;
    }
    if (!dueDate.isAfter(today.plusDays(yellowWindowDays))) {
      return YELLOW;
    }
    return GREEN;
  }
}
