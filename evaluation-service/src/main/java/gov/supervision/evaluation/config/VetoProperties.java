package gov.supervision.evaluation.config;

import gov.supervision.evaluation.domain.VetoWindows;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The veto settings.
 *
 * @param promotionWindow how long an UNQUALIFIED conclusion bars promotion (选拔任用)
 * @param awardWindow how long it bars awards (评先评优)
 * @param trendRecords how many recent effective records the dimension trend covers
 * @param rescanInterval how often vetoes are re-evaluated so that lapses by time are announced
 */
@ConfigurationProperties("supervision.veto")
public record VetoProperties(
    @DefaultValue("24m") Period promotionWindow,
    @DefaultValue("24m") Period awardWindow,
    @DefaultValue("5") int trendRecords,
    @DefaultValue("10m") Duration rescanInterval) {

  /** The windows as the domain knows them. */
  public VetoWindows windows() {
    return new VetoWindows(promotionWindow, awardWindow);
  }
}
