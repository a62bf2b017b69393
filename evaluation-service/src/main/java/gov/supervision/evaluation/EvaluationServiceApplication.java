package gov.supervision.evaluation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts evaluation-service. */
@SpringBootApplication
@EnableScheduling
public class EvaluationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(EvaluationServiceApplication.class, args);
  }
}
