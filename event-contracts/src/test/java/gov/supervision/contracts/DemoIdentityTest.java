package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoIdentityTest {

  @Test
  void theListHoldsTheIdentitiesOfTheApiContract() {
    assertThat(DemoIdentity.ALL)
        .extracting(DemoIdentity::id)
        .containsExactly("inspector", "lead-fgw", "lead-jw", "evaluator", "hr", "auditor", "admin");
    assertThat(DemoIdentity.of("lead-fgw"))
        .isEqualTo(
            new DemoIdentity(
                "lead-fgw", "lead-fgw-secret", List.of("UNIT_LEAD"), "FGW", "李主任（市发展改革委）"));
    assertThat(DemoIdentity.of("hr").unit()).isNull();
  }

  @Test
  void everyUnitLeadAndOnlyAUnitLeadHasAUnit() {
    assertThat(DemoIdentity.ALL)
        .allSatisfy(
            identity ->
                assertThat(identity.unit() != null)
                    .as(identity.id())
                    .isEqualTo(identity.roles().contains("UNIT_LEAD")));
  }

  @Test
  void anIdNotInTheListIsRefused() {
    assertThat(DemoIdentity.byId("nobody")).isEmpty();
    assertThatThrownBy(() -> DemoIdentity.of("nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody");
  }

  @Test
  void aListWithARepeatedIdOrAFieldMissingOrUnknownIsRefused() {
    String hr = "{\"id\":\"hr\",\"secret\":\"s\",\"roles\":[\"HR\"],\"name\":\"刘人事\"}";
    assertThat(DemoIdentity.read(json("[" + hr + "]"))).hasSize(1);

    assertThatThrownBy(() -> DemoIdentity.read(json("[" + hr + "," + hr + "]")))
        .hasMessageContaining("hr listed twice");
    assertThatThrownBy(
            () -> DemoIdentity.read(json("[{\"id\":\"hr\",\"secret\":\"s\",\"roles\":[\"HR\"]}]")))
        .hasMessageContaining("without name");
    assertThatThrownBy(
            () ->
                DemoIdentity.read(
                    json("[{\"id\":\"hr\",\"secret\":\"s\",\"roles\":[],\"name\":\"n\"}]")))
        .hasMessageContaining("no roles");
    assertThatThrownBy(
            () -> DemoIdentity.read(json("[" + hr.replace("}", ",\"rolse\":[\"ADMIN\"]}") + "]")))
        .hasMessageContaining("rolse");
  }

  @Test
  void theRolesCannotBeChanged() {
    assertThatThrownBy(() -> DemoIdentity.of("hr").roles().add("ADMIN"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
