package th.gfmis.keycloak.softtoken.server.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.Urls;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PushSubscriptionRequest;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * Sends one Web Push per new challenge to the current device's subscription. The message ({@link
 * ChallengePush}) is {@code {"challengeId":"…","challenge":{…}}}, the challenge exactly as {@code
 * GET challenges} lists it to this device (only the id if it would not fit in a push), so that the
 * device can answer without listing. It is encrypted end to end to the subscription's key (RFC
 * 8291): the push service sees no content. The device still signs the challenge's nonce, and the
 * answer is checked as any other (replay, expiry, number), so a pushed challenge is no easier to
 * misuse than a listed one. Sending never blocks or fails the sign-in; a subscription the push
 * service calls gone (404, 410) is forgotten.
 */
final class WebPushProvider implements SoftTokenPushProvider {

  private static final Logger LOG = Logger.getLogger(WebPushProvider.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeycloakSession session;
  private final WebPushSettings settings;
  private final HttpClient client;
  private final VapidSigners signers;
  private final KeycloakSessionFactory sessionFactory;

  WebPushProvider(
      KeycloakSession session,
      WebPushSettings settings,
      HttpClient client,
      VapidSigners signers,
      KeycloakSessionFactory sessionFactory) {
    this.session = session;
    this.settings = settings;
    this.client = client;
    this.signers = signers;
    this.sessionFactory = sessionFactory;
  }

  @Override
  public String webPushKey(RealmModel realm) {
    return VapidKeys.active(session, realm).applicationServerKey();
  }

  @Override
  public void checkSubscription(PushSubscriptionRequest subscription)
      throws SoftTokenProtocolException {
    if (!settings.allows(subscription.endpointUri())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_REQUEST,
          "This server does not send to that push service (endpoint host not allowed).");
    }
  }

  @Override
  public void challengeCreated(RealmModel realm, UserModel user, PendingChallenge challenge) {
    Optional<PushSubscriptions.Subscription> found = PushSubscriptions.ofCurrentDevice(user);
    if (found.isEmpty()) {
      return;
    }
    PushSubscriptions.Subscription subscription = found.get();
    URI endpoint = URI.create(subscription.endpoint());
    if (!settings.allows(endpoint)) {
      // Registered under a wider rule than today's.
      return;
    }
    VapidKeys.Active vapid = VapidKeys.active(session, realm);
    String subject = subject(realm);
    byte[] body;
    try {
      body =
          WebPushEncryption.encrypt(
              ChallengePush.plaintext(challenge),
              Base64Urls.decode(subscription.p256dh()),
              Base64Urls.decode(subscription.auth()),
              RANDOM);
    } catch (GeneralSecurityException e) {
      LOG.debugf("Web Push to %s not sent: %s", endpoint.getHost(), e.toString());
      return;
    }
    int ttl = (int) Math.max(0, Duration.between(Instant.now(), challenge.expiresAt()).toSeconds());
    Map<String, String> headers = signers.headers(vapid, subject, subscription.endpoint(), ttl);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    String realmId = realm.getId();
    String userId = user.getId();
    String host = endpoint.getHost();
    client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                LOG.debugf("Web Push to %s failed: %s", host, error.toString());
              } else if (response.statusCode() == 404 || response.statusCode() == 410) {
                forget(realmId, userId, subscription.endpoint());
              } else if (response.statusCode() >= 300) {
                LOG.debugf("Web Push to %s refused: HTTP %d", host, response.statusCode());
              }
            });
  }

  /** The VAPID contact: the setting, else the realm's sender address, else its https address. */
  private String subject(RealmModel realm) {
    if (settings.subject() != null) {
      return settings.subject();
    }
    String from = realm.getSmtpConfig() == null ? null : realm.getSmtpConfig().get("from");
    if (from != null && !from.isBlank()) {
      return "mailto:" + from.strip();
    }
    String realmUrl =
        Urls.realmBase(session.getContext().getUri().getBaseUri())
            .path(realm.getName())
            .build()
            .toString();
    return realmUrl.startsWith("https://") ? realmUrl : "mailto:postmaster@localhost";
  }

  private void forget(String realmId, String userId, String endpoint) {
    // Runs on the HTTP client's thread: give it the class loader a Keycloak request thread has.
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(WebPushProvider.class.getClassLoader());
    try {
      KeycloakModelUtils.runJobInTransaction(
          sessionFactory,
          s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            if (realm == null) {
              return;
            }
            s.getContext().setRealm(realm);
            UserModel user = s.users().getUserById(realm, userId);
            if (user != null) {
              PushSubscriptions.removeIfEndpoint(user, endpoint);
            }
          });
      LOG.debugf("Web Push subscription at %s is gone: forgotten", URI.create(endpoint).getHost());
    } catch (RuntimeException e) {
      LOG.warnf("Could not forget a gone Web Push subscription: %s", e.toString());
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Override
  public void close() {}
}
