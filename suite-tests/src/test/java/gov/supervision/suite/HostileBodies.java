package gov.supervision.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded source of hostile request bodies: JSON of every shape with the fields the API knows,
 * wrong types, huge strings, {@code $} operators, dotted and prototype keys, CJK and emoji, nulls,
 * and the non-JSON cases (deep nesting, random text, truncated documents). The same seed gives the
 * same bodies in the same order, so a failing run can be replayed exactly.
 */
final class HostileBodies {

  static final List<String> KEYS =
      List.of(
          "year",
          "scope",
          "title",
          "focusArea",
          "content",
          "requirements",
          "responsibleUnit",
          "responsiblePerson",
          "method",
          "dueDate",
          "reportEvery",
          "to",
          "note",
          "assignee",
          "description",
          "severity",
          "cadreId",
          "rectifyBy",
          "report",
          "attachmentIds",
          "accepted",
          "id",
          "name",
          "unit",
          "position",
          "date",
          "source",
          "dimensions",
          "conclusion",
          "remarks",
          "POLITICAL_JUDGMENT",
          "$where",
          "$gt",
          "$ne",
          "a.b",
          "__proto__",
          "constructor",
          "",
          "键",
          "rules",
          "type",
          "channels");

  static final List<String> TRICKY_TEXTS =
      List.of(
          "FGW",
          "CITY",
          "ASSIGNED",
          "CLOSED",
          "MAJOR",
          "UNQUALIFIED",
          "2026-02-30",
          "2026-12-31",
          "9999-99-99",
          "\uD83D\uDE00",
          "<script>alert(1)</script>",
          "'; db.dropDatabase(); //",
          "${jndi:ldap://x}");

  static final List<String> BROKEN_DOCUMENTS =
      List.of("null", "[]", "{}", "\"\"", "0", "{\"a\":", "\u0000");

  static final List<Object> EDGE_NUMBERS =
      List.of(
          0,
          -1,
          1,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          0.0,
          -0.0,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          1e308,
          -1e-308);

  private static final String HUGE = "x".repeat(100_000);
  private static final int MAX_DEPTH = 4;

  private final SplittableRandom random;

  HostileBodies(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next body, as sent on the wire. */
  String next() {
    int kind = random.nextInt(9);
    if (kind < 6) {
      return Suite.JSON.writeValueAsString(value(MAX_DEPTH));
    }
    return switch (kind) {
      case 6 -> deepNesting();
      case 7 -> text(200);
      default -> pick(BROKEN_DOCUMENTS);
    };
  }

  /** A JSON value of at most this depth: a scalar (3 in 8), an object (4 in 8), an array. */
  private Object value(int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(8);
    if (kind < 3) {
      return scalar();
    }
    if (kind < 7) {
      Map<String, Object> object = new LinkedHashMap<>();
      int size = random.nextInt(9);
      for (int i = 0; i < size; i++) {
        object.put(pick(KEYS), value(depth - 1));
      }
      return object;
    }
    List<Object> array = new ArrayList<>();
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      array.add(value(depth - 1));
    }
    return array;
  }

  private Object scalar() {
    return switch (random.nextInt(10)) {
      case 0 -> text(40);
      case 1 -> cjk(20);
      case 2 -> pick(TRICKY_TEXTS);
      case 3 -> random.nextBoolean() ? pick(EDGE_NUMBERS) : random.nextInt();
      case 4 -> random.nextLong();
      case 5 ->
          random.nextBoolean() ? random.nextDouble() : Double.longBitsToDouble(random.nextLong());
      case 6 -> random.nextBoolean();
      case 7 -> HUGE;
      case 8 -> "";
      default -> null;
    };
  }

  /**
   * Text of random length up to {@code max}: printable ASCII, control characters, any char of the
   * basic multilingual plane (lone surrogates included) and quotes/backslashes.
   */
  private String text(int max) {
    int length = random.nextInt(max + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> (char) random.nextInt(0x20, 0x7f);
            case 1 -> (char) random.nextInt(0x00, 0x20);
            case 2 -> (char) random.nextInt(0x10000);
            default -> "\"\\{}[]:,".charAt(random.nextInt(8));
          });
    }
    return text.toString();
  }

  private String cjk(int max) {
    int length = random.nextInt(max + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt('\u4e00', '\u9fa5' + 1));
    }
    return text.toString();
  }

  private String deepNesting() {
    int depth = random.nextInt(50, 3_001);
    return "{\"title\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
