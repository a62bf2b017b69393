package gov.supervision.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * RS256 tokens from a key made for this test JVM, shaped like the local issuer's ({@code sub},
 * {@code roles}), its JWKS, and the broken tokens of the attack table.
 */
final class TestJwts {

  static final String ISSUER = "http://localhost:9000";

  private static final KeyPair KEY = newKey();
  private static final KeyPair OTHER_KEY = newKey();

  private TestJwts() {}

  /** The JWKS document the gateway trusts (public part of the test key). */
  static String jwks() {
    RSAKey key = new RSAKey.Builder((RSAPublicKey) KEY.getPublic()).keyID("test").build();
    return new JWKSet(key).toString();
  }

  /** A valid token from another issuer URL (for discovery through {@code issuer-uri}). */
  static String tokenFrom(String issuer, String sub, String... roles) {
    return sign(claims(sub, issuer, Instant.now().plus(Duration.ofHours(1)), roles), KEY);
  }

  static String token(String sub, String... roles) {
    return sign(claims(sub, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles), KEY);
  }

  /** A Keycloak-shaped token: roles only under {@code realm_access.roles}. */
  static String realmAccess(String sub, String... roles) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims(sub, ISSUER, Instant.now().plusSeconds(3600)))
            .claim("roles", null)
            .claim("realm_access", java.util.Map.of("roles", List.of(roles)))
            .build();
    return sign(claims, KEY);
  }

  static String auditor(String sub) {
    return token(sub, "AUDITOR");
  }

  static String expired(String sub, String... roles) {
    return sign(claims(sub, ISSUER, Instant.now().minus(Duration.ofHours(1)), roles), KEY);
  }

  static String wrongIssuer(String sub, String... roles) {
    return sign(claims(sub, "http://localhost:9999", Instant.now().plusSeconds(3600), roles), KEY);
  }

  static String wrongKey(String sub, String... roles) {
    return sign(claims(sub, ISSUER, Instant.now().plusSeconds(3600), roles), OTHER_KEY);
  }

  /** Signed by the right key for another system's audience. */
  static String otherAudience(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, ISSUER, Instant.now().plusSeconds(3600), roles))
            .audience("another-system")
            .build(),
        KEY);
  }

  /** Signed by the right key without any {@code aud}. */
  static String withoutAudience(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, ISSUER, Instant.now().plusSeconds(3600), roles))
            .audience((String) null)
            .build(),
        KEY);
  }

  /** Signed by the right key without {@code exp}: good forever, if allowed. */
  static String withoutExpiry(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, ISSUER, Instant.now().plusSeconds(3600), roles))
            .expirationTime(null)
            .build(),
        KEY);
  }

  /** A valid AUDITOR token whose payload was raised to ADMIN after signing. */
  static String tampered(String sub) {
    String[] parts = token(sub, "AUDITOR").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("AUDITOR", "ADMIN");
    return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
  }

  /** Unsigned ({@code alg: none}). */
  static String algNone(String sub, String... roles) {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String payload =
        Base64URL.encode(claims(sub, ISSUER, Instant.now().plusSeconds(3600), roles).toString())
            .toString();
    return header + "." + payload + ".";
  }

  private static JWTClaimsSet claims(String sub, String issuer, Instant expires, String... roles) {
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .issuer(issuer)
        .audience("supervision")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(expires.minus(Duration.ofHours(2))))
        .notBeforeTime(Date.from(expires.minus(Duration.ofHours(2))))
        .expirationTime(Date.from(expires))
        .claim("roles", List.of(roles))
        .build();
  }

  private static String sign(JWTClaimsSet claims, KeyPair key) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
      jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
