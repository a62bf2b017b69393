package gov.supervision.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import gov.supervision.contracts.DemoIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256-signed JWTs from a key made for this test JVM, shaped like the local issuer's ({@code
 * sub}, {@code roles}, {@code unit}), plus the broken ones of the token attack table.
 */
public final class TestTokens {

  /** The issuer the services are configured to trust in tests. */
  public static final String ISSUER = "http://localhost:9000";

  private static final KeyPair KEY = newKey();
  private static final KeyPair OTHER_KEY = newKey();
  private static final Path PUBLIC_KEY_FILE = writePublicKey();

  private TestTokens() {}

  /** A valid token for {@code sub} with the given roles and unit (null for none). */
  public static String token(String sub, String unit, String... roles) {
    return sign(claims(sub, unit, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles), KEY);
  }

  /** A valid token from another issuer URL (for discovery through {@code issuer-uri}). */
  public static String issuedBy(String issuer, String sub, String... roles) {
    return sign(claims(sub, null, issuer, Instant.now().plus(Duration.ofHours(1)), roles), KEY);
  }

  /** A Keycloak-shaped token: the roles only under {@code realm_access.roles}. */
  public static String realmAccess(String sub, String... roles) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims(sub, null, ISSUER, Instant.now().plusSeconds(3600)))
            .claim("roles", null)
            .claim("realm_access", Map.of("roles", List.of(roles)))
            .build();
    return sign(claims, KEY);
  }

  /** A valid token that also carries the person's display name ({@code name} claim). */
  public static String named(String sub, String name, String unit, String... roles) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(
                claims(sub, unit, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles))
            .claim("name", name)
            .build();
    return sign(claims, KEY);
  }

  /**
   * A valid token of a demo identity of {@link DemoIdentity#ALL} (the one list): its id as {@code
   * sub}, its roles and unit, as the local issuer gives it (without the {@code name} claim).
   */
  public static String demo(String id) {
    DemoIdentity demo = DemoIdentity.of(id);
    return token(demo.id(), demo.unit(), demo.roles().toArray(String[]::new));
  }

  public static String inspector() {
    return demo("inspector");
  }

  public static String leadFgw() {
    return demo("lead-fgw");
  }

  public static String leadJw() {
    return demo("lead-jw");
  }

  public static String evaluator() {
    return demo("evaluator");
  }

  public static String hr() {
    return demo("hr");
  }

  public static String auditor() {
    return demo("auditor");
  }

  public static String admin() {
    return demo("admin");
  }

  /** Expired an hour ago. */
  public static String expired(String sub, String... roles) {
    return sign(claims(sub, null, ISSUER, Instant.now().minus(Duration.ofHours(1)), roles), KEY);
  }

  /** Signed by the right key but naming another issuer. */
  public static String wrongIssuer(String sub, String... roles) {
    return sign(
        claims(sub, null, "http://localhost:9999", Instant.now().plusSeconds(3600), roles), KEY);
  }

  /** Signed by the right key for another system's audience. */
  public static String otherAudience(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, null, ISSUER, Instant.now().plusSeconds(3600), roles))
            .audience("another-system")
            .build(),
        KEY);
  }

  /** Signed by the right key without any {@code aud}. */
  public static String withoutAudience(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, null, ISSUER, Instant.now().plusSeconds(3600), roles))
            .audience((String) null)
            .build(),
        KEY);
  }

  /** Signed by the right key without {@code exp}: good forever, if allowed. */
  public static String withoutExpiry(String sub, String... roles) {
    return sign(
        new JWTClaimsSet.Builder(claims(sub, null, ISSUER, Instant.now().plusSeconds(3600), roles))
            .expirationTime(null)
            .build(),
        KEY);
  }

  /**
   * Tokens signed with the trusted key that are still not for this suite, by what is wrong: another
   * audience, no {@code exp}, another issuer, past their expiry.
   */
  public static Map<String, String> notForThisSuite(String sub, String... roles) {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("another audience", otherAudience(sub, roles));
    tokens.put("no exp", withoutExpiry(sub, roles));
    tokens.put("another issuer", wrongIssuer(sub, roles));
    tokens.put("expired", expired(sub, roles));
    return tokens;
  }

  /** Signed by a key the services do not trust. */
  public static String wrongKey(String sub, String... roles) {
    return sign(claims(sub, null, ISSUER, Instant.now().plusSeconds(3600), roles), OTHER_KEY);
  }

  /** A valid token whose payload was changed after signing (roles raised to ADMIN). */
  public static String tampered(String sub) {
    String[] parts = token(sub, null, "AUDITOR").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("AUDITOR", "ADMIN");
    return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
  }

  /** An unsigned token ({@code alg: none}). */
  public static String algNone(String sub, String... roles) {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String payload =
        Base64URL.encode(
                claims(sub, null, ISSUER, Instant.now().plusSeconds(3600), roles).toString())
            .toString();
    return header + "." + payload + ".";
  }

  /** The trusted public key as a JWK Set document (key id {@code test}), for a JWKS endpoint. */
  public static String jwks() {
    return new JWKSet(
            new RSAKey.Builder((RSAPublicKey) KEY.getPublic())
                .keyID("test")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build())
        .toString();
  }

  /** {@code file:} location of the trusted public key in PEM, for the resource servers. */
  public static String publicKeyLocation() {
    return PUBLIC_KEY_FILE.toUri().toString();
  }

  private static JWTClaimsSet claims(
      String sub, String unit, String issuer, Instant expires, String... roles) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(sub)
            .issuer(issuer)
            .audience("supervision")
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(expires.minus(Duration.ofHours(2))))
            .notBeforeTime(Date.from(expires.minus(Duration.ofHours(2))))
            .expirationTime(Date.from(expires))
            .claim("roles", List.of(roles));
    if (unit != null) {
      claims.claim("unit", unit);
    }
    return claims.build();
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

  private static Path writePublicKey() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEY.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    try {
      Path file = Files.createTempFile("supervision-test-key", ".pem");
      Files.writeString(file, pem);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
