package th.gfmis.keycloak.softtoken.server.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseRequest;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseResult;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentRequest;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentResponse;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenges;
import th.gfmis.keycloak.softtoken.protocol.PushSubscriptionRequest;
import th.gfmis.keycloak.softtoken.protocol.RenewalRequest;
import th.gfmis.keycloak.softtoken.protocol.RequestBodies;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.server.credential.DeviceNotices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenSessions;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentSettings;
import th.gfmis.keycloak.softtoken.server.login.BrowserStatusUrl;
import th.gfmis.keycloak.softtoken.server.push.PushSubscriptions;
import th.gfmis.keycloak.softtoken.server.push.SoftTokenPushProvider;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;
import th.gfmis.keycloak.softtoken.server.state.Challenges;

/**
 * The device API of {@code docs/softtoken-openapi.yaml}, plus the browser's poll endpoint {@code
 * GET browser-status/{handle}}. Every answer is JSON; every error is {@code
 * {"error":...,"error_description":...}} with the documented status.
 */
public class DeviceApiResource {

  private static final Logger LOG = Logger.getLogger(DeviceApiResource.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PATH_APP = "app";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final DeviceAuthenticator deviceAuth;
  private final DeviceApiThrottle throttle;

  DeviceApiResource(
      KeycloakSession session, RealmModel realm, Duration iatSkew, DeviceApiThrottle throttle) {
    this.session = session;
    this.realm = realm;
    this.deviceAuth = new DeviceAuthenticator(session, realm, iatSkew);
    this.throttle = throttle;
  }

  /**
   * The https form of the activation link (the QR code's text): opens the web app, which reads the
   * code from the fragment. A link without a well-formed code gets a page saying what it is for.
   * Never consumes the code.
   */
  @GET
  @Path(SoftTokenProtocol.PATH_ACTIVATE)
  public Response activate(@QueryParam("code") String code) {
    if (code != null && ActivationCodes.isWellFormed(code)) {
      return Response.status(Response.Status.SEE_OTHER)
          .location(requestUri().resolve(PATH_APP + "/#code=" + code))
          .header("Cache-Control", "no-store")
          .header("Referrer-Policy", "no-referrer")
          .build();
    }
    String html =
        "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>GFMIS Soft Token</title></head><body>"
            + "<h1>GFMIS Soft Token</h1>"
            + "<p>เปิดลิงก์นี้ด้วยแอป Soft Token เพื่อลงทะเบียนอุปกรณ์ (Get Certificate)</p>"
            + "<p>Open this link with the Soft Token app to register this phone.</p>"
            + "</body></html>";
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** The web app's address without its trailing slash: relative links need the slash. */
  @GET
  @Path(PATH_APP)
  public Response appWithoutSlash() {
    ownSecurityHeaders();
    if (requestUri().getRawPath().endsWith("/")) {
      return WebAppFiles.serve("");
    }
    return Response.status(Response.Status.MOVED_PERMANENTLY)
        .location(requestUri().resolve(PATH_APP + "/"))
        .build();
  }

  /**
   * The app's files carry their own strict policy; Keycloak's realm headers (a looser CSP) would
   * otherwise replace it.
   */
  private void ownSecurityHeaders() {
    session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
  }

  private URI requestUri() {
    return session.getContext().getUri().getRequestUri();
  }

  /** The GFMIS Soft Token web app's static files. */
  @GET
  @Path(PATH_APP + "/{file}")
  public Response appFile(@PathParam("file") String file) {
    ownSecurityHeaders();
    return WebAppFiles.serve(file);
  }

  @POST
  @Path(SoftTokenProtocol.PATH_ENROLL)
  public Response enroll(InputStream body) {
    return handleUnsigned(
        () -> {
          EnrollmentRequest request = SoftTokenJson.read(read(body), EnrollmentRequest.class);
          request.validate();
          EnrollmentResponse response =
              new Enrollment(session, realm, RANDOM).enroll(request, Instant.now());
          return ApiResponses.json(201, response);
        });
  }

  @GET
  @Path(SoftTokenProtocol.PATH_CHALLENGES)
  public Response challenges() {
    return handle(
        () -> {
          SoftTokenDevices.Device device =
              deviceAuth.authenticate(
                  "GET", SoftTokenProtocol.PATH_CHALLENGES, authorization(), Instant.now());
          List<PendingChallenge> list =
              Challenges.of(session, realm)
                  .pendingFor(device.user().getId(), Instant.now())
                  .stream()
                  .map(Challenges.Challenge::summary)
                  .toList();
          return ApiResponses.json(200, new PendingChallenges(list));
        });
  }

  @POST
  @Path(SoftTokenProtocol.PATH_CHALLENGES + "/{id}/" + SoftTokenProtocol.PATH_RESPONSE_SEGMENT)
  public Response respond(@PathParam("id") String id, InputStream body) {
    return handle(
        () -> {
          ChallengeResponseRequest request =
              SoftTokenJson.read(read(body), ChallengeResponseRequest.class);
          request.validate();
          ChallengeResponseResult result =
              new ChallengeAnswers(session, realm, deviceAuth.iatSkew())
                  .answer(id, request.response(), Instant.now());
          return ApiResponses.json(200, result);
        });
  }

  @GET
  @Path(SoftTokenProtocol.PATH_DEVICE)
  public Response device() {
    return handle(
        () -> {
          SoftTokenDevices.Device device =
              deviceAuth.authenticate(
                  "GET", SoftTokenProtocol.PATH_DEVICE, authorization(), Instant.now());
          return ApiResponses.json(200, activeStatus(device));
        });
  }

  /**
   * Registers (or replaces) the Web Push subscription of the calling device. Only the device's own
   * user is touched: the device is the one whose key signed the request.
   */
  @POST
  @Path(SoftTokenProtocol.PATH_DEVICE_PUSH)
  public Response subscribe(InputStream body) {
    return handle(
        () -> {
          PushSubscriptionRequest request =
              SoftTokenJson.read(read(body), PushSubscriptionRequest.class);
          request.validate();
          SoftTokenDevices.Device device =
              deviceAuth.authenticate(
                  "POST", SoftTokenProtocol.PATH_DEVICE_PUSH, authorization(), Instant.now());
          pushProvider().checkSubscription(request);
          PushSubscriptions.save(
              device.user(),
              new PushSubscriptions.Subscription(
                  device.credential().serial(),
                  request.endpoint(),
                  Base64Urls.encode(request.p256dhBytes()),
                  Base64Urls.encode(request.authBytes())));
          return ApiResponses.json(200, activeStatus(device));
        });
  }

  /** Forgets the Web Push subscription of the calling device's user. */
  @DELETE
  @Path(SoftTokenProtocol.PATH_DEVICE_PUSH)
  public Response unsubscribe() {
    return handle(
        () -> {
          SoftTokenDevices.Device device =
              deviceAuth.authenticate(
                  "DELETE", SoftTokenProtocol.PATH_DEVICE_PUSH, authorization(), Instant.now());
          PushSubscriptions.remove(device.user());
          return ApiResponses.json(200, activeStatus(device));
        });
  }

  private DeviceStatus activeStatus(SoftTokenDevices.Device device) {
    DeviceStatus status =
        status(
            device,
            SoftTokenProtocol.STATE_ACTIVE,
            CertificateRenewal.renewableFrom(
                device.certificate(), EnrollmentSettings.of(realm).renewalWindow()));
    String webPushKey = pushProvider().webPushKey(realm);
    return webPushKey == null
        ? status
        : new DeviceStatus(
            status.username(),
            status.deviceName(),
            status.serialNumber(),
            status.notAfter(),
            status.state(),
            status.renewableFrom(),
            webPushKey);
  }

  private SoftTokenPushProvider pushProvider() {
    SoftTokenPushProvider provider = session.getProvider(SoftTokenPushProvider.class);
    return provider != null ? provider : NO_PUSH;
  }

  private static final SoftTokenPushProvider NO_PUSH =
      new SoftTokenPushProvider() {
        @Override
        public void challengeCreated(RealmModel realm, UserModel user, PendingChallenge c) {}

        @Override
        public void close() {}
      };

  @POST
  @Path(SoftTokenProtocol.PATH_DEVICE_RENEW)
  public Response renew(InputStream body) {
    return handle(
        () -> {
          RenewalRequest request = SoftTokenJson.read(read(body), RenewalRequest.class);
          request.validate();
          Instant now = Instant.now();
          DeviceAuthenticator.Authenticated authenticated =
              deviceAuth.authenticateWithClaims(
                  "POST", SoftTokenProtocol.PATH_DEVICE_RENEW, authorization(), now);
          EnrollmentResponse response =
              new Renewal(session, realm, RANDOM)
                  .renew(
                      request, authenticated, deviceAuth.enrolledBase(authenticated.device()), now);
          return ApiResponses.json(200, response);
        });
  }

  @POST
  @Path(SoftTokenProtocol.PATH_DEVICE_REVOKE)
  public Response revoke(InputStream body) {
    return handle(
        () -> {
          read(body);
          SoftTokenDevices.Device device =
              deviceAuth.authenticate(
                  "POST", SoftTokenProtocol.PATH_DEVICE_REVOKE, authorization(), Instant.now());
          new SoftTokenDevices(session, realm).revoke(device.user(), device.credential().serial());
          PushSubscriptions.remove(device.user());
          new DeviceEvents(session, realm).revoked(device.user(), device.credential().serial());
          SoftTokenSessions.endAfterRevocation(session, realm, device.user());
          new DeviceNotices(session, realm)
              .revoked(
                  device.user(),
                  DeviceNotices.label(device.credential()),
                  DeviceNotices.Channel.App,
                  Instant.now());
          return ApiResponses.json(200, status(device, SoftTokenProtocol.STATE_REVOKED, null));
        });
  }

  /**
   * Browser side (not part of the device API): whether the page waiting for the device should move
   * on. Knows nothing but "ready or not" for an unguessable handle the page was given.
   */
  @GET
  @Path("browser-status/{handle}")
  public Response browserStatus(
      @PathParam("handle") String handle, @QueryParam(BrowserStatusUrl.UNTIL) String until) {
    BrowserPolls.Poll poll = new BrowserPolls(session.singleUseObjects()).read(handle);
    Instant now = Instant.now();
    boolean ready =
        poll == null ? BrowserPolls.readyWithoutRecord(deadline(until), now) : poll.ready(now);
    return ApiResponses.json(200, Map.of("ready", ready));
  }

  /** The page's deadline from {@code ?until=}; none when absent or not a number. */
  private static Instant deadline(String until) {
    if (until == null || until.isEmpty() || until.length() > 12) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(until));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static DeviceStatus status(
      SoftTokenDevices.Device device, String state, Instant renewableFrom) {
    return new DeviceStatus(
        th.gfmis.keycloak.softtoken.protocol.SoftTokenCa.username(device.certificate()),
        device.credential().getUserLabel(),
        device.credential().serial(),
        device.certificate().getNotAfter().toInstant(),
        state,
        renewableFrom);
  }

  private String authorization() {
    return session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
  }

  private byte[] read(InputStream body) throws SoftTokenProtocolException {
    String length =
        session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > SoftTokenProtocol.MAX_REQUEST_BODY_BYTES) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new SoftTokenProtocolException(
            SoftTokenError.INVALID_REQUEST, "Malformed Content-Length.");
      }
    }
    if (body == null) {
      return new byte[0];
    }
    try {
      return RequestBodies.readLimited(body);
    } catch (IOException e) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_REQUEST, "The request body could not be read.");
    }
  }

  private static SoftTokenProtocolException tooLarge() {
    return new SoftTokenProtocolException(
        SoftTokenError.REQUEST_TOO_LARGE,
        "The request body is larger than " + SoftTokenProtocol.MAX_REQUEST_BODY_BYTES + " bytes.");
  }

  /** Runs a signed device API call; refused calls count towards the client address's limit. */
  private Response handle(Action action) {
    return throttle.guard(session, realm, () -> run(action));
  }

  /** Runs the unsigned call (enrollment) under the same limit, claimed before it runs. */
  private Response handleUnsigned(Action action) {
    return throttle.guardClaimingFirst(session, realm, () -> run(action));
  }

  private Response run(Action action) {
    try {
      return action.run();
    } catch (SoftTokenProtocolException e) {
      LOG.debugf("Soft Token request refused in realm %s: %s", realm.getName(), e.error().code());
      return ApiResponses.error(e);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Soft Token request failed in realm %s", realm.getName());
      // Nothing half-done is kept (a grant checked but no certificate recorded, for instance).
      session.getTransactionManager().setRollbackOnly();
      return ApiResponses.error(
          new SoftTokenProtocolException(
              SoftTokenError.SERVER_ERROR, SoftTokenError.SERVER_ERROR.defaultDescription()));
    }
  }

  @FunctionalInterface
  private interface Action {
    Response run() throws SoftTokenProtocolException;
  }
}
