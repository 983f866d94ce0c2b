package th.gfmis.keycloak.core.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * Sends this project's e-mails through Keycloak's e-mail template provider, so they use the realm's
 * SMTP settings and the e-mail theme's html and text templates in the user's language.
 */
public class GfmisMailer {

  private final KeycloakSession session;
  private final RealmModel realm;

  public GfmisMailer(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The language the user's e-mails are written in. */
  public Locale localeOf(UserModel user) {
    return session.getContext().resolveLocale(user);
  }

  /**
   * Sends {@code template} ({@code html/<template>} and {@code text/<template>} of the e-mail
   * theme) to the user's registered address.
   *
   * @throws EmailException when the message could not be handed to the SMTP server
   */
  public void send(
      UserModel user,
      GfmisEmail template,
      List<Object> subjectParameters,
      Map<String, Object> attributes)
      throws EmailException {
    session
        .getProvider(EmailTemplateProvider.class)
        .setRealm(realm)
        .setUser(user)
        .send(
            template.subjectKey(),
            subjectParameters,
            template.templateFile(),
            new HashMap<>(attributes));
  }

  /**
   * {@link #send}, but to {@code address} rather than the user's registered one: for a message
   * about an address the holder confirmed that is not (or not yet) the user's.
   *
   * @throws EmailException when the message could not be handed to the SMTP server
   */
  public void sendTo(
      UserModel user,
      String address,
      GfmisEmail template,
      List<Object> subjectParameters,
      Map<String, Object> attributes)
      throws EmailException {
    send(
        new UserModelDelegate(user) {
          @Override
          public String getEmail() {
            return address;
          }
        },
        template,
        subjectParameters,
        attributes);
  }
}
