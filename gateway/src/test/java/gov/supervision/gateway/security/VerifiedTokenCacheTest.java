package gov.supervision.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicReference<Instant> expiresAt =
      new AtomicReference<>(Instant.now().plusSeconds(600));

  private final ReactiveJwtDecoder verifier =
      token -> {
        verifications.incrementAndGet();
        return Mono.just(
            Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .issuer("http://localhost:9000")
                .subject("someone")
                .audience(List.of("supervision"))
                .issuedAt(expiresAt.get().minusSeconds(3600))
                .expiresAt(expiresAt.get())
                .build());
      };

  private final VerifiedTokenCache cache =
      new VerifiedTokenCache(
          verifier,
          JwtDecoderConfig.validator("http://localhost:9000", "supervision"),
          new TokenProperties.TokenCache(true, 100, Duration.ofMinutes(5)));

  @Test
  void aTokenIsVerifiedOnceAndThenRemembered() {
    assertThat(cache.decode("a.b.c").block().getSubject()).isEqualTo("someone");
    assertThat(cache.decode("a.b.c").block().getSubject()).isEqualTo("someone");
    assertThat(verifications).hasValue(1);

    cache.decode("a.b.d").block();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsCheckedAgainOnEveryUseAndRefusedOnceExpired() {
    // the stub verifier does not check time; the remembered token must be re-validated on use
    expiresAt.set(Instant.now().minusSeconds(120));
    cache.decode("old.token.x").block();

    assertThatThrownBy(() -> cache.decode("old.token.x").block())
        .isInstanceOf(JwtValidationException.class);
    assertThat(verifications).hasValue(1);
  }
}
