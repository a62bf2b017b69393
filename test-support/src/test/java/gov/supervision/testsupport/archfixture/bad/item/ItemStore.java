package gov.supervision.testsupport.archfixture.bad.item;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A store that answers in HTTP terms instead of refusing in domain terms (never run). */
public class ItemStore {

  private final Map<String, String> items = Map.of();

  public String load(String id) {
    String item = items.get(id);
    if (item == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id);
    }
    return item;
  }
}
