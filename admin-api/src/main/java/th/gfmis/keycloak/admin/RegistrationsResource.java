package th.gfmis.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import th.gfmis.keycloak.registration.QueuePosition;
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationCounts;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationPage;
import th.gfmis.keycloak.registration.RegistrationQuery;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.RegistrationStore;
import th.gfmis.keycloak.registration.StaleRegistrationException;
import th.gfmis.keycloak.registration.StoredOrder;
import th.gfmis.keycloak.registration.decision.RegistrationDecisions;

/**
 * {@code /admin/realms/{realm}/gfmis/registrations}: the approval queue's data (issue 8). Read with
 * the realm role {@value RegistrationAccess#AUDITOR} or {@value RegistrationAccess#APPROVER},
 * decide with the latter; everyone else gets 403. An approver cannot decide their own user's
 * registration. A decision names the version it decides; a stale one is 409. Each decision is an
 * admin event. The shapes are in docs/admin-openapi.yaml.
 */
public class RegistrationsResource {

  static final String EVENT_RESOURCE_TYPE = "GFMIS_REGISTRATION";
  private static final int DEFAULT_MAX = 20;
  private static final int LARGEST_MAX = 100;

  /** Keeps a served file from running anything in the console's origin. */
  static final String ORDER_CSP =
      "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline';"
          + " frame-ancestors 'self'";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminEventBuilder adminEvent;
  private final RegistrationAccess access;

  RegistrationsResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.adminEvent = adminEvent.resource(EVENT_RESOURCE_TYPE);
    this.access = new RegistrationAccess(realm, auth.adminAuth());
  }

  /** The body of a decision. */
  public record DecisionInput(Long version, String reason) {}

  @GET
  @Path("access")
  @Produces(MediaType.APPLICATION_JSON)
  public Response access() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("read", access.canRead());
    json.put("decide", access.canDecide());
    return ok(json);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @QueryParam("status") List<String> statuses,
      @QueryParam("holderChange") @DefaultValue("false") boolean holderChange,
      @QueryParam("userIdPrefix") String userIdPrefix,
      @QueryParam("submittedFrom") String submittedFrom,
      @QueryParam("submittedBefore") String submittedBefore,
      @QueryParam("q") String text,
      @QueryParam("after") String after,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("20") int max) {
    requireRead();
    Set<RegistrationStatus> wanted = EnumSet.noneOf(RegistrationStatus.class);
    try {
      for (String status : statuses) {
        wanted.add(RegistrationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      }
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, "invalid_status");
    }
    Optional<Instant> from;
    Optional<Instant> before;
    try {
      from = instant(submittedFrom);
      before = instant(submittedBefore);
    } catch (DateTimeParseException e) {
      return error(Response.Status.BAD_REQUEST, "invalid_time");
    }
    Optional<QueuePosition> position;
    try {
      position = Optional.ofNullable(after).filter(a -> !a.isBlank()).map(QueueCursor::decode);
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, "invalid_page");
    }
    if (first < 0 || max < 1 || max > LARGEST_MAX || (position.isPresent() && first > 0)) {
      return error(Response.Status.BAD_REQUEST, "invalid_page");
    }
    RegistrationPage page =
        store()
            .search(
                realm,
                new RegistrationQuery(
                    wanted,
                    holderChange,
                    Optional.ofNullable(userIdPrefix).filter(p -> !p.isBlank()),
                    from,
                    before,
                    Optional.ofNullable(text).filter(t -> !t.isBlank()),
                    position,
                    first,
                    max));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", page.total());
    json.put("totalExact", page.totalExact());
    json.put("next", page.next().map(QueueCursor::encode).orElse(null));
    json.put("items", page.items().stream().map(RegistrationJson::summary).toList());
    return ok(json);
  }

  @GET
  @Path("counts")
  @Produces(MediaType.APPLICATION_JSON)
  public Response counts() {
    requireRead();
    Map<String, Object> json = new LinkedHashMap<>();
    RegistrationCounts counts = store().counts(realm);
    counts.byStatus().forEach((status, n) -> json.put(status.name(), n));
    json.put("holderChanges", counts.openHolderChanges());
    return ok(json);
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response show(@PathParam("id") String id) {
    requireRead();
    Optional<Registration> registration = store().byId(realm, id);
    if (registration.isEmpty()) {
      return error(Response.Status.NOT_FOUND, "not_found");
    }
    return ok(detail(registration.get()));
  }

  @GET
  @Path("{id}/order")
  public Response order(@PathParam("id") String id) {
    requireRead();
    Optional<StoredOrder> order = store().order(realm, id);
    if (order.isEmpty()) {
      return error(Response.Status.NOT_FOUND, "not_found");
    }
    StoredOrder stored = order.get();
    String filename =
        URLEncoder.encode(stored.file().filename(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(stored.content(), stored.file().contentType())
        .header("Content-Disposition", "inline; filename*=UTF-8''" + filename)
        .header("Content-Length", stored.content().length)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", ORDER_CSP)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .build();
  }

  @POST
  @Path("{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response approve(@PathParam("id") String id, DecisionInput input) {
    return decide(id, input, "approve");
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response reject(@PathParam("id") String id, DecisionInput input) {
    return decide(id, input, "reject");
  }

  private Response decide(String id, DecisionInput input, String action) {
    requireDecide();
    Optional<Registration> found = store().byId(realm, id);
    if (found.isEmpty()) {
      return error(Response.Status.NOT_FOUND, "not_found");
    }
    if (found.get().userId().equals(access.caller().getId())) {
      return error(Response.Status.FORBIDDEN, "own_registration");
    }
    if (input == null || input.version() == null) {
      return error(Response.Status.BAD_REQUEST, "version_required");
    }
    boolean approving = action.equals("approve");
    if (!approving && (input.reason() == null || input.reason().isBlank())) {
      return error(Response.Status.BAD_REQUEST, "reason_required");
    }
    RegistrationDecisions decisions = new RegistrationDecisions(session, realm);
    Registration decided;
    try {
      decided =
          approving
              ? decisions.approve(id, input.version(), access.caller().getId())
              : decisions.reject(id, input.version(), input.reason(), access.caller().getId());
    } catch (StaleRegistrationException e) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("error", "already_decided");
      json.put("status", e.current().status().name());
      json.put("version", e.current().version());
      return Response.status(Response.Status.CONFLICT)
          .type(MediaType.APPLICATION_JSON)
          .entity(json)
          .build();
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, "invalid_reason");
    } catch (NoSuchElementException e) {
      return error(Response.Status.NOT_FOUND, "not_found");
    }
    adminEvent
        .operation(OperationType.ACTION)
        .resourcePath("gfmis", "registrations", id, action)
        .representation(RegistrationJson.decision(decided))
        .success();
    return ok(detail(decided));
  }

  private Map<String, Object> detail(Registration r) {
    Optional<String> currentHolder =
        r.kind() == RegistrationKind.HOLDER_CHANGE
            ? store()
                .lastApprovedFor(realm, r.userId())
                .filter(previous -> !previous.id().equals(r.id()))
                .map(Registration::provenNameTh)
            : Optional.empty();
    return RegistrationJson.detail(
        r,
        store().history(realm, r.id()),
        actorId ->
            Optional.ofNullable(session.users().getUserById(realm, actorId))
                .map(UserModel::getUsername),
        currentHolder);
  }

  private void requireRead() {
    if (!access.canRead()) {
      throw forbidden();
    }
  }

  private void requireDecide() {
    if (!access.canDecide()) {
      throw forbidden();
    }
  }

  private static jakarta.ws.rs.WebApplicationException forbidden() {
    return new jakarta.ws.rs.WebApplicationException(error(Response.Status.FORBIDDEN, "forbidden"));
  }

  private static Optional<Instant> instant(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(Instant.parse(value.strip()));
  }

  /**
   * JSON written here rather than by Keycloak's provider, which leaves out null members: the API
   * promises every member, null when absent.
   */
  private static Response ok(Map<String, Object> json) {
    return Response.ok(RegistrationJson.write(json), MediaType.APPLICATION_JSON).build();
  }

  private static Response error(Response.Status status, String error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", error))
        .build();
  }

  private RegistrationStore store() {
    return session.getProvider(RegistrationStore.class);
  }
}
