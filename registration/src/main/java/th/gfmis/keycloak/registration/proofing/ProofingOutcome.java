package th.gfmis.keycloak.registration.proofing;

/** What came back from a proofing round trip. */
public sealed interface ProofingOutcome {

  /** The service proved who the person is. */
  record Proven(ProvenIdentity identity) implements ProofingOutcome {}

  /** The person cancelled at the service (or refused consent). */
  record Cancelled() implements ProofingOutcome {}

  /**
   * The round trip failed.
   *
   * @param reason a short, CID-free reason for events and logs
   */
  record Failed(String reason) implements ProofingOutcome {}
}
