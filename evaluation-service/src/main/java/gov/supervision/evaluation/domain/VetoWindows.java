package gov.supervision.evaluation.domain;

import java.time.Period;
import java.util.Objects;

/** How long an {@code UNQUALIFIED} conclusion keeps a cadre vetoed, per purpose. */
public record VetoWindows(Period promotion, Period award) {

  public VetoWindows {
    Objects.requireNonNull(promotion, "promotion");
    Objects.requireNonNull(award, "award");
  }

  /** The default: 24 months for both purposes. */
  public static VetoWindows standard() {
    return new VetoWindows(Period.ofMonths(24), Period.ofMonths(24));
  }

  /** The window of a purpose. */
  public Period of(Purpose purpose) {
    return purpose == Purpose.PROMOTION ? promotion : award;
  }
}
