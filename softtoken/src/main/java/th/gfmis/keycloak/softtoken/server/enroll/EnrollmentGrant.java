package th.gfmis.keycloak.softtoken.server.enroll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An administrator's permission for one user to enroll one Soft Token device without the current
 * phone (a lost phone, after identity proofing): a random id, when it was given and until when it
 * holds. Used up by the enrollment it allowed.
 *
 * @param id 128 random bits, base64url; names the grant, so that an enrollment consumes exactly the
 *     grant its activation code was issued under
 * @param grantedAt when the administrator gave it
 * @param expiresAt from when it no longer holds
 */
public record EnrollmentGrant(String id, Instant grantedAt, Instant expiresAt) {

  private static final Pattern STORED =
      Pattern.compile("v1:([A-Za-z0-9_-]{22}):(\\d{1,12}):(\\d{1,12})");

  /** A new grant valid for {@code validity} from {@code now}. */
  public static EnrollmentGrant issue(SecureRandom random, Instant now, Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("a grant must hold for some time");
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    Instant granted = Instant.ofEpochSecond(now.getEpochSecond());
    return new EnrollmentGrant(
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
        granted,
        granted.plus(validity));
  }

  /** The stored form, {@code v1:<id>:<granted epoch s>:<expires epoch s>}. */
  public String encode() {
    return "v1:" + id + ":" + grantedAt.getEpochSecond() + ":" + expiresAt.getEpochSecond();
  }

  /** Reads the stored form; anything else (a hand-edited attribute) is no grant. */
  public static Optional<EnrollmentGrant> decode(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    Matcher m = STORED.matcher(stored);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant granted = Instant.ofEpochSecond(Long.parseLong(m.group(2)));
    Instant expires = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
    if (!granted.isBefore(expires)) {
      return Optional.empty();
    }
    return Optional.of(new EnrollmentGrant(m.group(1), granted, expires));
  }

  /** Whether the grant holds at {@code now}: given, and not yet expired. */
  public boolean holdsAt(Instant now) {
    return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
  }

  /** Whether this is the grant named {@code otherId} (constant time). */
  public boolean isNamed(String otherId) {
    return otherId != null
        && MessageDigest.isEqual(
            id.getBytes(StandardCharsets.US_ASCII), otherId.getBytes(StandardCharsets.US_ASCII));
  }
}
