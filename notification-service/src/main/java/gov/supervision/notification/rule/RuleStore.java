package gov.supervision.notification.rule;

import com.mongodb.client.result.UpdateResult;
import gov.supervision.contracts.Refusal;
import gov.supervision.notification.domain.DefaultRules;
import gov.supervision.notification.domain.Rule;
import gov.supervision.notification.domain.RuleDraft;
import gov.supervision.notification.domain.RuleSetParser;
import gov.supervision.notification.domain.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The active rule set: seeded with {@link DefaultRules} when absent, cached in memory, re-read
 * every few seconds (another replica may have changed it) and replaced as a whole.
 */
@Component
public class RuleStore {

  private static final Logger log = LoggerFactory.getLogger(RuleStore.class);

  private final MongoTemplate mongo;
  private final Clock clock;
  private volatile RuleSet active;

  RuleStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The active rules, their revision and who changed the set when, oldest first. */
  public record RuleSet(List<Rule> rules, long revision, List<Change> history) {

    public RuleSet {
      history = List.copyOf(history);
    }
  }

  /**
   * One change of the rule set: the revision it made, by whom, when, and the rules it left in force
   * ({@code null} on changes stored before the rules were kept with them).
   */
  public record Change(long revision, String updatedBy, Instant updatedAt, List<RuleDraft> rules) {}

  /** The rules that react to a trigger. */
  public List<Rule> rulesFor(Trigger trigger) {
    return current().rules().stream().filter(r -> r.event() == trigger).toList();
  }

  /** The active rule set. */
  public RuleSet current() {
    RuleSet rules = active;
    return rules != null ? rules : reload();
  }

  /**
   * Validates the drafts as a whole and replaces the active set with them in one document write, on
   * the condition that nobody replaced it meanwhile: a change made between reading and writing is
   * refused ({@code rules-changed}, 409), not retried, so that one admin's change never silently
   * overwrites another's.
   */
  public RuleSet replace(List<RuleDraft> drafts, String by) {
    List<Rule> rules = RuleSetParser.parse(drafts);
    RuleSetDocument stored = mongo.findById(RuleSetDocument.ACTIVE, RuleSetDocument.class);
    long expected = stored == null ? 0 : stored.revision();
    Query unchanged = new Query(Criteria.where("_id").is(RuleSetDocument.ACTIVE));
    if (stored != null) {
      unchanged.addCriteria(Criteria.where("revision").is(expected));
    }
    // to the millisecond, as stored: the set kept in memory is the one a reload reads back
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<RuleDraft> after = rules.stream().map(RuleDraft::of).toList();
    Change change = new Change(expected + 1, by, now, after);
    Update write =
        new Update()
            .set("rules", after)
            .set("revision", expected + 1)
            .set("updatedBy", by)
            .set("updatedAt", now)
            .push("history", change);
    try {
      UpdateResult result = mongo.upsert(unchanged, write, RuleSetDocument.class);
      if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
        throw changedMeanwhile();
      }
    } catch (DuplicateKeyException insertedMeanwhile) {
      throw changedMeanwhile();
    }
    List<Change> history = new ArrayList<>(stored == null ? List.of() : historyOf(stored));
    history.add(change);
    active = new RuleSet(rules, expected + 1, history);
    return active;
  }

  /** The changes a stored set records; a set stored before changes were kept shows its last. */
  private static List<Change> historyOf(RuleSetDocument doc) {
    if (doc.history() != null && !doc.history().isEmpty()) {
      return doc.history();
    }
    return doc.updatedBy() == null
        ? List.of()
        : List.of(new Change(doc.revision(), doc.updatedBy(), doc.updatedAt(), doc.rules()));
  }

  /** The rule set was replaced by someone else between reading and writing it. */
  private static Refusal changedMeanwhile() {
    return Refusal.conflict(
        "rules-changed", "规则已被他人修改，请重新读取 the rules were changed meanwhile, read them again");
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (mongo.findById(RuleSetDocument.ACTIVE, RuleSetDocument.class) == null) {
      try {
        List<RuleDraft> defaults = DefaultRules.all().stream().map(RuleDraft::of).toList();
        mongo.insert(
            new RuleSetDocument(
                RuleSetDocument.ACTIVE,
                defaults,
                1,
                "system",
                clock.instant(),
                List.of(new Change(1, "system", clock.instant(), defaults))));
      } catch (DuplicateKeyException anotherReplicaWasFaster) {
        // seeded by another replica
      }
    }
    reload();
  }

  @Scheduled(fixedDelayString = "${supervision.notification.rules-refresh:10s}")
  public RuleSet reload() {
    RuleSetDocument doc = mongo.findById(RuleSetDocument.ACTIVE, RuleSetDocument.class);
    if (doc == null) {
      active = new RuleSet(DefaultRules.all(), 0, List.of());
      return active;
    }
    try {
      RuleSetParser.Confined usable = RuleSetParser.confine(doc.rules());
      if (!usable.removed().isEmpty()) {
        log.warn(
            "stored rule set revision {} addresses personnel-data events beyond their role; not"
                + " used: {}",
            doc.revision(),
            usable.removed());
      }
      active = new RuleSet(RuleSetParser.parse(usable.drafts()), doc.revision(), historyOf(doc));
    } catch (Refusal e) {
      log.error(
          "stored rule set is invalid at {}: {}; keeping the previous one",
          e.field(),
          e.getMessage());
      if (active == null) {
        active = new RuleSet(DefaultRules.all(), 0, List.of());
      }
    }
    return active;
  }
}
