package gov.supervision.testsupport.archfixture.bad.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that breaks the rules: field injection, MongoDB at hand, stdout (never run). */
@RestController
public class LeakyController {

  @Autowired private MongoTemplate mongo;

  @GetMapping("/count")
  public long count() {
    System.out.println("counting");
    return mongo.getCollection("items").countDocuments();
  }
}
