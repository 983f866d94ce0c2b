package th.gfmis.keycloak.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;

class AbstractGfmisAuthenticatorTest {

  private final AbstractGfmisAuthenticator step =
      new AbstractGfmisAuthenticator() {
        @Override
        public void authenticate(AuthenticationFlowContext context) {}

        @Override
        public void action(AuthenticationFlowContext context) {}
      };

  @Test
  void aStepNeedsTheUserAndAnyUserCanGoThroughIt() {
    assertTrue(step.requiresUser());
    assertTrue(step.configuredFor(null, null, null));
    step.setRequiredActions(null, null, null);
    step.close();
  }
}
