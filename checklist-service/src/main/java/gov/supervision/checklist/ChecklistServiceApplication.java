package gov.supervision.checklist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts checklist-service. */
@SpringBootApplication
@EnableScheduling
public class ChecklistServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ChecklistServiceApplication.class, args);
  }
}
