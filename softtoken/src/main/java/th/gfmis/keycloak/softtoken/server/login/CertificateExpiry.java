package th.gfmis.keycloak.softtoken.server.login;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;

/**
 * The approval step's rule for a device whose certificate has expired: it can neither answer a
 * challenge nor renew ({@code certificate_expired} on every device call), so the step shows the way
 * back in instead of a challenge nobody can answer. Same phase rule as the device API ({@link
 * CertificateRenewal#phase}).
 */
public final class CertificateExpiry {

  private final Clock clock;

  public CertificateExpiry(Clock clock) {
    this.clock = clock;
  }

  /** When the device's certificate expired, or empty while it is still usable. */
  public Optional<Instant> expiredAt(SoftTokenCredentialModel device) {
    X509Certificate certificate = device.certificate();
    if (certificate == null) {
      return Optional.empty();
    }
    return CertificateRenewal.phase(certificate, Duration.ZERO, clock.instant())
            == CertificateRenewal.Phase.EXPIRED
        ? Optional.of(certificate.getNotAfter().toInstant())
        : Optional.empty();
  }
}
