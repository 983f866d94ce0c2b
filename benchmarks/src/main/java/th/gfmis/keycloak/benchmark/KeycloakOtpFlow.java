package th.gfmis.keycloak.benchmark;

import java.io.IOException;

/**
 * Keycloak's own one-time-code form ({@code auth-otp-form}, codes from an authenticator app) after
 * the realm's password step, set up for one run so that the Soft Token can be measured against the
 * simplest second step Keycloak ships: a copy of the realm's browser flow with that form added
 * after the password, and a copy of the benchmark's client bound to the copy. {@link #close}
 * removes both; nothing of the realm's own is changed. Its users are {@link OtpUsers}.
 */
public final class KeycloakOtpFlow implements AutoCloseable {

  /** The form Keycloak shows for the code. */
  public static final String FORM_ID = "kc-otp-login-form";

  private static final String FLOW_COPY = "benchmark password and Keycloak one-time code";
  private static final String CLIENT_COPY = "gfmis-benchmark-keycloak-otp";

  private final AdminApi admin;
  private boolean flowCreated;
  private String clientInternalId;

  private KeycloakOtpFlow(AdminApi admin) {
    this.admin = admin;
  }

  /**
   * Copies {@code browserFlow} with the form added at the end of its sub-flow {@code
   * passwordSubFlow}, and {@code templateClient} bound to the copy.
   */
  public static KeycloakOtpFlow create(
      AdminApi admin, String browserFlow, String passwordSubFlow, String templateClient)
      throws IOException, InterruptedException {
    KeycloakOtpFlow flow = new KeycloakOtpFlow(admin);
    try {
      String flowId =
          admin.copyFlowWithStep(browserFlow, FLOW_COPY, passwordSubFlow, "auth-otp-form");
      flow.flowCreated = true;
      flow.clientInternalId = admin.copyClientWithBrowserFlow(templateClient, CLIENT_COPY, flowId);
      return flow;
    } catch (IOException | InterruptedException | RuntimeException e) {
      flow.close();
      throw e;
    }
  }

  /** The client whose browser sign-ins ask for the one-time code. */
  public String clientId() {
    return CLIENT_COPY;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (clientInternalId != null) {
      admin.deleteClient(clientInternalId);
    }
    if (flowCreated) {
      admin.deleteFlow(FLOW_COPY);
    }
  }
}
