package gov.supervision.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * People's sessions ({@code supervision.session}).
 *
 * @param idleTimeout a session not used for this long ends
 * @param secureCookie whether the session cookie is sent over HTTPS only (off in {@code local})
 * @param cookieName the session cookie
 * @param collection the MongoDB collection holding the sessions
 * @param sweepInterval how often ended sessions are removed from the store
 * @param touchInterval a request within this time of the last stored access does not rewrite the
 *     session just to move its access time (it still ends at most this much later)
 */
@ConfigurationProperties("supervision.session")
public record SessionProperties(
    @DefaultValue("30m") Duration idleTimeout,
    @DefaultValue("true") boolean secureCookie,
    @DefaultValue("SESSION") String cookieName,
    @DefaultValue("gateway_sessions") String collection,
    @DefaultValue("1m") Duration sweepInterval,
    @DefaultValue("10s") Duration touchInterval) {}
