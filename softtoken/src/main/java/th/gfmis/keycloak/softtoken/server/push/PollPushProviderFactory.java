package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/** The default push provider {@code poll}: sends nothing; the device polls. */
public class PollPushProviderFactory implements SoftTokenPushProviderFactory {

  private static final SoftTokenPushProvider NOTHING = new Nothing();

  private static final class Nothing implements SoftTokenPushProvider {
    @Override
    public void challengeCreated(RealmModel realm, UserModel user, PendingChallenge challenge) {}

    @Override
    public void close() {}
  }

  @Override
  public SoftTokenPushProvider create(KeycloakSession session) {
    return NOTHING;
  }

  @Override
  public String getId() {
    return SoftTokenProtocol.PUSH_PROVIDER_POLL;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
