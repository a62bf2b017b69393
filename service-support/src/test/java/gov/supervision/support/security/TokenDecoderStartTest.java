package gov.supervision.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.testsupport.TestTokens;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The services' token decoder refuses to start without an issuer or an audience to check, whether
 * its keys come from a JWK Set URI or a public key file: a service that started anyway would take
 * tokens issued by anyone trusted with the key, or meant for another system.
 */
class TokenDecoderStartTest {

  private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(TokenDecoderConfiguration.class));

  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({
    "jwk-set-uri, issuer-uri",
    "jwk-set-uri, audiences",
    "public-key-location, issuer-uri",
    "public-key-location, audiences"
  })
  void anUnsetIssuerOrAudienceStopsTheStart(String keys, String unset) {
    context
        .withPropertyValues(settings(keys, unset))
        .run(
            started -> {
              assertThat(started).hasFailed();
              assertThat(started.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining(PREFIX + unset);
            });
  }

  @ParameterizedTest(name = "{0} with issuer and audience")
  @CsvSource({"jwk-set-uri", "public-key-location"})
  void withBothSetItStarts(String keys) {
    context
        .withPropertyValues(settings(keys, "nothing"))
        .run(started -> assertThat(started).hasNotFailed().hasSingleBean(JwtDecoder.class));
  }

  /** The decoder's settings with keys from {@code keys} and {@code unset} left out. */
  private static String[] settings(String keys, String unset) {
    return Stream.of(
            keys.equals("jwk-set-uri")
                ? PREFIX + "jwk-set-uri=http://127.0.0.1:9/jwks"
                : PREFIX + "public-key-location=" + TestTokens.publicKeyLocation(),
            unset.equals("issuer-uri") ? null : PREFIX + "issuer-uri=" + TestTokens.ISSUER,
            unset.equals("audiences") ? null : PREFIX + "audiences=supervision")
        .filter(Objects::nonNull)
        .toArray(String[]::new);
  }
}
