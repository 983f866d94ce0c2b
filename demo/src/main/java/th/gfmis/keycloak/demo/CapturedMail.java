package th.gfmis.keycloak.demo;

import java.time.Instant;
import java.util.List;

/** One message the mail catcher received, exactly as it arrived. */
final class CapturedMail {
  private final int id;
  private final Instant receivedAt;
  private final List<String> envelopeRecipients;
  private final byte[] raw;

  /**
   * @param id number in the inbox, 1 for the first message of the run
   * @param receivedAt when the catcher received it
   * @param envelopeRecipients the SMTP {@code RCPT TO} addresses
   * @param raw the RFC 5322 message
   */
  CapturedMail(int id, Instant receivedAt, List<String> envelopeRecipients, byte[] raw) {
    this.id = id;
    this.receivedAt = receivedAt;
    this.envelopeRecipients = List.copyOf(envelopeRecipients);
    this.raw = raw.clone();
  }

  int id() {
    return id;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  List<String> envelopeRecipients() {
    return envelopeRecipients;
  }

  /** A copy of the message bytes. */
  byte[] raw() {
    return raw.clone();
  }
}
