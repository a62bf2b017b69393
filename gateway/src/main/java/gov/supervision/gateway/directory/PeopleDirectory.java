package gov.supervision.gateway.directory;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every person who signed in through the gateway, as their ID token named them the last time:
 * {@code {_id: id, name, unit, signedInAt}} in collection {@code people} of the gateway's database.
 * Services record who did what by id; this gives the console the name to show for it. A person who
 * never signed in (a machine client, or someone only named as responsible) is not here.
 */
@Component
public class PeopleDirectory {

  static final String COLLECTION = "people";

  /** A person as the console shows them. */
  public record Person(String id, String name, String unit) {

    /**
     * From token claims: {@code name} (else {@code preferred_username}, else the id), {@code unit}.
     */
    public static Person of(String id, Map<String, Object> claims) {
      Object name = claims.getOrDefault("name", claims.getOrDefault("preferred_username", id));
      Object unit = claims.get("unit");
      return new Person(id, String.valueOf(name), unit == null ? null : unit.toString());
    }
  }

  private final ReactiveMongoOperations mongo;
  private final Clock clock = Clock.systemUTC();

  public PeopleDirectory(ReactiveMongoOperations mongo) {
    this.mongo = mongo;
  }

  /** Keeps (or updates) the person's name and unit; called at each sign-in. */
  public Mono<Void> remember(Person person) {
    return mongo
        .upsert(
            Query.query(Criteria.where("_id").is(person.id())),
            Update.update("name", person.name())
                .set("unit", person.unit())
                .set("signedInAt", Date.from(clock.instant())),
            COLLECTION)
        .then();
  }

  /** The people among {@code ids} who have signed in, in no particular order. */
  Flux<Person> find(Collection<String> ids) {
    return mongo
        .find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
        .map(d -> new Person(d.getString("_id"), d.getString("name"), d.getString("unit")));
  }
}
