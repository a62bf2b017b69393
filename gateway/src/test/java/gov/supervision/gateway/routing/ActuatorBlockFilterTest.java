package gov.supervision.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.RequestPath;

class ActuatorBlockFilterTest {

  @ParameterizedTest
  @CsvSource({
    "/api/items/actuator, true",
    "/api/items/x/Actuator/env, true",
    "/api/items/%61ctuator, true",
    "/api/items/i1, false",
    "/api/checklists/c1/items, false",
  })
  void findsActuatorSegments(String path, boolean blocked) {
    assertThat(ActuatorBlockFilter.hasActuatorSegment(RequestPath.parse(path, null)))
        .isEqualTo(blocked);
  }
}
