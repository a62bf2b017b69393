package gov.supervision.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRolesTest {

  @Test
  void theRolesClaimOfTheLocalIssuer() {
    assertThat(TokenRoles.of(Map.of("roles", List.of("INSPECTOR", "AUDITOR"))))
        .containsExactly("AUDITOR", "INSPECTOR");
  }

  @Test
  void keycloaksRealmAccessRoles() {
    assertThat(
            TokenRoles.of(Map.of("realm_access", Map.of("roles", List.of("HR", "offline_access")))))
        .containsExactly("HR", "offline_access");
  }

  @Test
  void bothClaimsTogetherWithoutRepeats() {
    Map<String, Object> claims =
        Map.of(
            "roles", List.of("AUDITOR", "HR"),
            "realm_access", Map.of("roles", List.of("HR", "ADMIN")));
    assertThat(TokenRoles.of(claims)).containsExactly("ADMIN", "AUDITOR", "HR");
  }

  @Test
  void codesAreTrimmedAndBlanksLeftOut() {
    assertThat(TokenRoles.of(Map.of("roles", List.of(" HR ", "", "  ", "\tAUDITOR\n", "HR"))))
        .containsExactly("AUDITOR", "HR");
  }

  @Test
  void aStringClaimIsSplitOnSpacesAndCommas() {
    assertThat(TokenRoles.of(Map.of("roles", "  INSPECTOR, HR  AUDITOR,,HR ")))
        .containsExactly("AUDITOR", "HR", "INSPECTOR");
    assertThat(TokenRoles.of(Map.of("roles", "   "))).isEmpty();
    assertThat(TokenRoles.of(Map.of("roles", ""))).isEmpty();
    assertThat(TokenRoles.of(Map.of("realm_access", Map.of("roles", "HR,ADMIN"))))
        .containsExactly("ADMIN", "HR");
  }

  @Test
  void noClaimGrantsNoRole() {
    assertThat(TokenRoles.of(Map.of("sub", "someone"))).isEmpty();
    assertThat(TokenRoles.of(Map.of())).isEmpty();
    assertThat(TokenRoles.of(null)).isEmpty();
    assertThat(TokenRoles.of(Map.of("realm_access", Map.of("account", List.of("x"))))).isEmpty();
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("roles", null);
    nulls.put("realm_access", null);
    assertThat(TokenRoles.of(nulls)).isEmpty();
  }

  @Test
  void claimsOfAnotherTypeAreIgnored() {
    assertThat(TokenRoles.of(Map.of("roles", 42))).isEmpty();
    assertThat(TokenRoles.of(Map.of("roles", Map.of("HR", true)))).isEmpty();
    assertThat(TokenRoles.of(Map.of("realm_access", "HR"))).isEmpty();
    assertThat(TokenRoles.of(Map.of("realm_access", List.of("HR")))).isEmpty();
    assertThat(TokenRoles.of(Map.of("realm_access", Map.of("roles", 7)))).isEmpty();
  }

  @Test
  void elementsThatAreNotStringsAreLeftOut() {
    assertThat(TokenRoles.of(Map.of("roles", Arrays.asList("HR", null, 3, List.of("ADMIN"), true))))
        .containsExactly("HR");
    assertThat(TokenRoles.of(Map.of("roles", Set.of("AUDITOR")))).containsExactly("AUDITOR");
  }

  @Test
  void theAnswerCannotBeChanged() {
    assertThatThrownBy(() -> TokenRoles.of(Map.of("roles", List.of("HR"))).add("ADMIN"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void authoritiesAreTheRoleCodesPrefixed() {
    Map<String, Object> claims =
        Map.of(
            "roles",
            " INSPECTOR, HR",
            "realm_access",
            Map.of("roles", List.of("HR", "offline_access", " ")));
    assertThat(TokenRoles.authorities(claims))
        .containsExactly("ROLE_HR", "ROLE_INSPECTOR", "ROLE_offline_access");
    assertThat(TokenRoles.authorities(Map.of("roles", 42))).isEmpty();
    assertThat(TokenRoles.authorities(null)).isEmpty();
  }
}
