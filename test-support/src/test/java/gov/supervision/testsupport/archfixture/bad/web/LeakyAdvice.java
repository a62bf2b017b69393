package gov.supervision.testsupport.archfixture.bad.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service's own error advice, beside the shared one (never run). */
@RestControllerAdvice
public class LeakyAdvice {

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<String> conflict(IllegalStateException e) {
    return ResponseEntity.status(409).body(e.getMessage());
  }

  /** A response record nested in a class instead of a file of its own. */
  public record ConflictResponse(String message) {}
}
