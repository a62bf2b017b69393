package gov.supervision.evaluation.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's Mongo health indicator, which sends {@code hello} - a command the embedded store
 * of the local stack and the tests (mongo-java-server) does not know, so health was DOWN there.
 * {@code ping} works on MongoDB and on the embedded store alike.
 */
@Configuration(proxyBeanMethods = false)
class MongoPingHealth {

  @Bean(name = "mongoHealthContributor")
  HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
    return () -> {
      Document answer = mongo.executeCommand(new Document("ping", 1));
      return Health.up()
          .withDetail("database", mongo.getDb().getName())
          .withDetail("ok", answer.get("ok"))
          .build();
    };
  }
}
