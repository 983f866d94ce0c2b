package th.gfmis.keycloak.softtoken.server.push;

import java.net.http.HttpClient;
import java.time.Clock;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * Push provider {@value SoftTokenProtocol#PUSH_PROVIDER_WEB_PUSH}: Web Push (RFC 8030) to the
 * subscription the holder's web app registered, encrypted (RFC 8291, aes128gcm) and signed with the
 * realm's VAPID key (RFC 8292). Chosen with {@code --spi-gfmis-softtoken-push--provider=web-push}.
 */
public class WebPushProviderFactory implements SoftTokenPushProviderFactory {

  private WebPushSettings settings;
  private HttpClient client;
  private final VapidSigners signers = new VapidSigners(Clock.systemUTC());
  private KeycloakSessionFactory sessionFactory;

  @Override
  public SoftTokenPushProvider create(KeycloakSession session) {
    return new WebPushProvider(session, settings, client, signers, sessionFactory);
  }

  @Override
  public String getId() {
    return SoftTokenProtocol.PUSH_PROVIDER_WEB_PUSH;
  }

  @Override
  public void init(Config.Scope config) {
    settings = WebPushSettings.from(config);
    client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    sessionFactory = factory;
  }

  @Override
  public void close() {}

  @Override
  public java.util.List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name("hosts")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText(
            "Push service hosts devices may subscribe at (comma separated; an entry also allows its"
                + " subdomains). Anything else is refused, so the server calls no other address.")
        .defaultValue(WebPushSettings.DEFAULT_HOSTS)
        .add()
        .property()
        .name("allow-http")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .helpText("Allow plain http endpoints (tests with a local push endpoint only).")
        .defaultValue(false)
        .add()
        .property()
        .name("subject")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText(
            "VAPID contact (mailto: or https:) given to push services. Default: the realm's"
                + " address.")
        .add()
        .property()
        .name("timeout-millis")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("How long one push may take before it is given up (the sign-in never waits).")
        .defaultValue(String.valueOf(WebPushSettings.DEFAULT_TIMEOUT.toMillis()))
        .add()
        .build();
  }
}
