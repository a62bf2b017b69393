package gov.supervision.support.web;

import java.util.List;
import tools.jackson.databind.DatabindException;

/** Renders a Jackson reference path as a field name such as {@code items[2].dueDate}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<DatabindException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (DatabindException.Reference ref : path) {
      if (ref.getPropertyName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
