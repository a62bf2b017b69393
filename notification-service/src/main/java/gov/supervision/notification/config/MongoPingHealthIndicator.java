package gov.supervision.notification.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Mongo health by {@code ping}, which both MongoDB and the embedded wire-protocol store answer
 * (Boot's own indicator sends {@code hello}, which the embedded store refuses); Boot's is switched
 * off with {@code management.health.mongo.enabled=false}.
 */
// bean name "mongoHealthIndicator" = health component "mongo"; "mongo" itself is the MongoClient
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  MongoPingHealthIndicator(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
  }
}
