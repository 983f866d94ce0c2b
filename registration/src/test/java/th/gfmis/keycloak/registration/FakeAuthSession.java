package th.gfmis.keycloak.registration;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * An authentication session that keeps auth notes, a tab id, a client and a user: for unit tests.
 */
public final class FakeAuthSession {

  public final Map<String, String> notes = new HashMap<>();
  private final String tabId;
  private final ClientModel client;
  public UserModel user;

  public FakeAuthSession(String tabId, String clientId) {
    this.tabId = tabId;
    this.client =
        (ClientModel)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ClientModel.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getClientId")) {
                    return clientId;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  public AuthenticationSessionModel model() {
    return (AuthenticationSessionModel)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {AuthenticationSessionModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getTabId" -> tabId;
                  case "getClient" -> client;
                  case "getAuthenticatedUser" -> user;
                  case "getAuthNote" -> notes.get((String) args[0]);
                  case "setAuthNote" -> notes.put((String) args[0], (String) args[1]);
                  case "removeAuthNote" -> notes.remove((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
