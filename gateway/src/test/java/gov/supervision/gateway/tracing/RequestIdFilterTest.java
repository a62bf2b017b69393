package gov.supervision.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a.b_c:d-e",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void saneIdsAreKept(String id) {
    assertThat(RequestIdFilter.saneOrNew(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "with space",
        "new\nline",
        "<script>",
        "01234567890123456789012345678901234567890123456789012345678901234",
        "ü"
      })
  void otherIdsAreReplacedByAFreshUuid(String id) {
    String made = RequestIdFilter.saneOrNew(id);
    assertThat(made).isNotEqualTo(id).matches("[0-9a-f-]{36}");
  }
}
