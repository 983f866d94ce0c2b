package th.gfmis.keycloak.registration.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.keycloak.common.util.Time;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import th.gfmis.keycloak.registration.HistoryEntry;
import th.gfmis.keycloak.registration.OpenRegistrationExistsException;
import th.gfmis.keycloak.registration.OrderFile;
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
import th.gfmis.keycloak.registration.Submission;

/**
 * The registrations in the bundle's own tables, through Keycloak's entity manager (so they share
 * the request's transaction).
 *
 * <p>Every change first <em>claims</em> the row with one conditional update ({@code version = :v
 * and status in (...)}, bumping the version): the database serialises two parallel claims on the
 * row, and the second finds the version moved and changes nothing, on any node. The one open
 * registration per user is the unique column {@code OPEN_USER_ID}. A refused insert leaves the
 * transaction marked for rollback, as any failed write in Keycloak does.
 */
public class JpaRegistrationStore implements RegistrationStore {

  private final EntityManager em;

  public JpaRegistrationStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Registration> byId(RealmModel realm, String id) {
    return entity(realm, id).map(JpaRegistrationStore::toModel);
  }

  @Override
  public Optional<Registration> openFor(RealmModel realm, UserModel user) {
    return first(
        em.createQuery(
                "select r from RegistrationEntity r where r.openUserId = :user and r.realmId ="
                    + " :realm",
                RegistrationEntity.class)
            .setParameter("user", user.getId())
            .setParameter("realm", realm.getId()));
  }

  @Override
  public Optional<Registration> latestFor(RealmModel realm, UserModel user) {
    return first(
        em.createQuery(
                "select r from RegistrationEntity r where r.userId = :user and r.realmId = :realm"
                    + " order by r.createdAt desc, r.id desc",
                RegistrationEntity.class)
            .setParameter("user", user.getId())
            .setParameter("realm", realm.getId()));
  }

  @Override
  public Optional<Registration> lastApprovedFor(RealmModel realm, String userId) {
    return first(
        em.createQuery(
                "select r from RegistrationEntity r where r.userId = :user and r.realmId = :realm"
                    + " and r.status = :approved order by r.decidedAt desc, r.id desc",
                RegistrationEntity.class)
            .setParameter("user", userId)
            .setParameter("realm", realm.getId())
            .setParameter("approved", RegistrationStatus.APPROVED));
  }

  @Override
  public Registration create(RealmModel realm, UserModel user, Submission submission) {
    openFor(realm, user)
        .ifPresent(
            open -> {
              throw new OpenRegistrationExistsException(open.id());
            });
    long now = Time.currentTimeMillis();
    RegistrationStatus status = RegistrationRules.statusOf(submission);
    RegistrationEntity r = new RegistrationEntity();
    r.id = KeycloakModelUtils.generateId();
    r.realmId = realm.getId();
    r.userId = user.getId();
    r.username = user.getUsername();
    r.createdAt = now;
    r.version = 1;
    apply(r, submission, status, now);
    em.persist(r);
    keepOrder(r, submission);
    addHistory(r, now, HistoryEntry.Actor.HOLDER, null, r.statusReason);
    try {
      em.flush();
    } catch (PersistenceException | ModelDuplicateException e) {
      if (e instanceof ModelDuplicateException || isConstraintViolation(e)) {
        // Another node stored an open registration for this user between our check and insert.
        throw new OpenRegistrationExistsException("(stored in parallel)");
      }
      throw e;
    }
    return toModel(r);
  }

  @Override
  public Registration resubmit(
      RealmModel realm, String id, long expectedVersion, Submission submission) {
    RegistrationStatus status = RegistrationRules.statusOf(submission);
    RegistrationEntity r = claim(realm, id, expectedVersion, RegistrationRules.resubmittable());
    long now = Time.currentTimeMillis();
    apply(r, submission, status, now);
    keepOrder(r, submission);
    addHistory(r, now, HistoryEntry.Actor.HOLDER, null, r.statusReason);
    return toModel(r);
  }

  @Override
  public Registration decide(
      RealmModel realm,
      String id,
      long expectedVersion,
      RegistrationStatus decision,
      Optional<String> reason,
      HistoryEntry.Actor actor,
      Optional<String> actorId) {
    Optional<String> kept = RegistrationRules.checkDecision(decision, reason);
    RegistrationEntity r = claim(realm, id, expectedVersion, Set.of(RegistrationStatus.REQUEST));
    long now = Time.currentTimeMillis();
    r.status = decision;
    r.statusReason = kept.orElse(null);
    r.openUserId = RegistrationRules.openUserId(decision, r.userId);
    r.decidedAt = now;
    r.decidedBy = actorId.orElse(null);
    addHistory(r, now, actor, r.decidedBy, r.statusReason);
    em.flush();
    return toModel(r);
  }

  @Override
  public Optional<StoredOrder> order(RealmModel realm, String id) {
    return entity(realm, id)
        .flatMap(
            r -> {
              Optional<OrderFile> file = orderFile(r);
              OrderContentEntity content = em.find(OrderContentEntity.class, r.id);
              if (file.isEmpty() || content == null) {
                return Optional.empty();
              }
              return Optional.of(new StoredOrder(file.get(), content.content));
            });
  }

  @Override
  public List<HistoryEntry> history(RealmModel realm, String id) {
    if (entity(realm, id).isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select h from HistoryEntity h where h.registrationId = :id order by h.seq, h.at",
            HistoryEntity.class)
        .setParameter("id", id)
        .getResultStream()
        .map(
            h ->
                new HistoryEntry(
                    Instant.ofEpochMilli(h.at),
                    h.status,
                    h.actor,
                    Optional.ofNullable(h.actorId),
                    Optional.ofNullable(h.reason)))
        .toList();
  }

  @Override
  public RegistrationPage search(RealmModel realm, RegistrationQuery query) {
    StringBuilder where = new StringBuilder(" where r.realmId = :realm");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("realm", realm.getId());
    if (!query.statuses().isEmpty()) {
      where.append(" and r.status in :statuses");
      parameters.put("statuses", query.statuses());
    }
    if (query.holderChangeOnly()) {
      where.append(" and r.kind = :kind");
      parameters.put("kind", RegistrationKind.HOLDER_CHANGE);
    }
    query
        .userIdPrefix()
        .filter(p -> !p.isBlank())
        .ifPresent(
            p -> {
              where.append(" and r.username like :prefix escape '!'");
              parameters.put("prefix", RegistrationRules.prefixPattern(p));
            });
    query
        .submittedFrom()
        .ifPresent(
            from -> {
              where.append(" and r.submittedAt >= :from");
              parameters.put("from", from.toEpochMilli());
            });
    query
        .submittedBefore()
        .ifPresent(
            before -> {
              where.append(" and r.submittedAt < :before");
              parameters.put("before", before.toEpochMilli());
            });
    query
        .text()
        .filter(t -> !t.isBlank())
        .ifPresent(
            t -> {
              where.append(" and (r.username like :text escape '!'");
              parameters.put("text", RegistrationRules.prefixPattern(t));
              if (RegistrationRules.isLastFour(t)) {
                where.append(" or r.citizenIdLastFour = :lastFour");
                parameters.put("lastFour", t.strip());
              }
              where.append(")");
            });
    String filters = where.toString();
    query
        .after()
        .ifPresent(
            after -> {
              // Written so that the queue's indexes can seek to it on every database.
              where.append(
                  " and r.queueAt >= :afterAt and (r.queueAt > :afterAt or r.id > :afterId)");
              parameters.put("afterAt", after.queueAt());
              parameters.put("afterId", after.id());
            });
    TypedQuery<RegistrationEntity> items =
        em.createQuery(
            "select r from RegistrationEntity r" + where + " order by r.queueAt, r.id",
            RegistrationEntity.class);
    // The total ignores the seek position: it is the number of all matches, up to the limit.
    TypedQuery<Integer> beyondLimit =
        em.createQuery("select 1 from RegistrationEntity r" + filters, Integer.class)
            .setFirstResult(RegistrationQuery.COUNT_LIMIT)
            .setMaxResults(1);
    TypedQuery<Long> count =
        em.createQuery("select count(r) from RegistrationEntity r" + filters, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          if (!name.startsWith("after")) {
            beyondLimit.setParameter(name, value);
            count.setParameter(name, value);
          }
        });
    int max = Math.max(0, query.max());
    List<RegistrationEntity> found =
        items.setFirstResult(Math.max(0, query.first())).setMaxResults(max + 1).getResultList();
    List<Registration> page = found.stream().limit(max).map(JpaRegistrationStore::toModel).toList();
    Optional<QueuePosition> next =
        found.size() > max && max > 0
            ? Optional.of(new QueuePosition(found.get(max - 1).queueAt, found.get(max - 1).id))
            : Optional.empty();
    // Past the limit the count stops: one look at the match after it instead of counting all.
    boolean exact = beyondLimit.getResultList().isEmpty();
    long total = exact ? count.getSingleResult() : RegistrationQuery.COUNT_LIMIT;
    return new RegistrationPage(page, total, exact, next);
  }

  @Override
  public RegistrationCounts counts(RealmModel realm) {
    Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);
    for (RegistrationStatus status : RegistrationStatus.values()) {
      byStatus.put(status, 0L);
    }
    long[] openHolderChanges = {0};
    em.createQuery(
            "select r.kind, r.status, count(r) from RegistrationEntity r where r.realmId = :realm"
                + " group by r.kind, r.status",
            Object[].class)
        .setParameter("realm", realm.getId())
        .getResultStream()
        .forEach(
            row -> {
              RegistrationStatus status = (RegistrationStatus) row[1];
              long n = (Long) row[2];
              byStatus.merge(status, n, Long::sum);
              if (row[0] == RegistrationKind.HOLDER_CHANGE
                  && status != RegistrationStatus.APPROVED) {
                openHolderChanges[0] += n;
              }
            });
    return new RegistrationCounts(byStatus, openHolderChanges[0]);
  }

  @Override
  public void removeAll(RealmModel realm, UserModel user) {
    remove("r.userId = :key", user.getId());
  }

  /** Deletes every registration of a realm (the realm was deleted). */
  public void removeRealm(String realmId) {
    remove("r.realmId = :key", realmId);
  }

  private void remove(String condition, String key) {
    String ids = "select r.id from RegistrationEntity r where " + condition;
    em.createQuery("delete from HistoryEntity h where h.registrationId in (" + ids + ")")
        .setParameter("key", key)
        .executeUpdate();
    em.createQuery("delete from OrderContentEntity o where o.registrationId in (" + ids + ")")
        .setParameter("key", key)
        .executeUpdate();
    em.createQuery("delete from RegistrationEntity r where " + condition)
        .setParameter("key", key)
        .executeUpdate();
  }

  /**
   * Takes the registration from {@code expectedVersion} in one of {@code from} to the next version,
   * or throws {@link StaleRegistrationException} with what it is now.
   */
  private RegistrationEntity claim(
      RealmModel realm, String id, long expectedVersion, Set<RegistrationStatus> from) {
    int claimed =
        em.createQuery(
                "update RegistrationEntity r set r.version = r.version + 1 where r.id = :id and"
                    + " r.realmId = :realm and r.version = :version and r.status in :from")
            .setParameter("id", id)
            .setParameter("realm", realm.getId())
            .setParameter("version", expectedVersion)
            .setParameter("from", from)
            .executeUpdate();
    RegistrationEntity r =
        entity(realm, id).orElseThrow(() -> new NoSuchElementException("No registration " + id));
    em.refresh(r);
    if (claimed != 1) {
      throw new StaleRegistrationException(toModel(r));
    }
    return r;
  }

  private static void apply(
      RegistrationEntity r, Submission submission, RegistrationStatus status, long now) {
    r.kind = submission.kind();
    r.status = status;
    r.openUserId = RegistrationRules.openUserId(status, r.userId);
    r.statusReason =
        submission.order() instanceof Submission.Refused refused ? refused.reasonKey() : null;
    r.citizenIdHash = submission.citizenIdHash();
    r.citizenIdLastFour = submission.citizenIdLastFour();
    r.email = submission.email().orElse(null);
    r.provenNameTh = submission.provenNameTh();
    r.provenNameEn = submission.provenNameEn().orElse(null);
    r.identityAssuranceLevel = submission.identityAssuranceLevel();
    if (status == RegistrationStatus.REQUEST) {
      r.submittedAt = now;
    }
    r.queueAt = r.submittedAt != null ? r.submittedAt : r.createdAt;
  }

  private void keepOrder(RegistrationEntity r, Submission submission) {
    if (!(submission.order() instanceof Submission.Attached attached)) {
      return;
    }
    OrderFile file = attached.file();
    r.orderFilename = file.filename();
    r.orderContentType = file.contentType();
    r.orderSize = file.size();
    r.orderSha256 = file.sha256();
    OrderContentEntity content = em.find(OrderContentEntity.class, r.id);
    if (content == null) {
      content = new OrderContentEntity();
      content.registrationId = r.id;
      content.content = attached.content();
      em.persist(content);
    } else {
      content.content = attached.content();
    }
  }

  private void addHistory(
      RegistrationEntity r, long now, HistoryEntry.Actor actor, String actorId, String reason) {
    HistoryEntity h = new HistoryEntity();
    h.id = KeycloakModelUtils.generateId();
    h.registrationId = r.id;
    h.at = now;
    h.seq = r.version;
    h.status = r.status;
    h.actor = actor;
    h.actorId = actorId;
    h.reason = reason;
    em.persist(h);
  }

  private Optional<RegistrationEntity> entity(RealmModel realm, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(RegistrationEntity.class, id))
        .filter(r -> r.realmId.equals(realm.getId()));
  }

  private static Optional<Registration> first(TypedQuery<RegistrationEntity> query) {
    return query.setMaxResults(1).getResultStream().findFirst().map(JpaRegistrationStore::toModel);
  }

  private static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("ConstraintViolationException")
          || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }

  private static Optional<OrderFile> orderFile(RegistrationEntity r) {
    if (r.orderSha256 == null) {
      return Optional.empty();
    }
    return Optional.of(
        new OrderFile(
            r.orderFilename,
            r.orderContentType,
            r.orderSize == null ? 0 : r.orderSize,
            r.orderSha256));
  }

  static Registration toModel(RegistrationEntity r) {
    return new Registration(
        r.id,
        r.realmId,
        r.userId,
        r.username,
        r.kind,
        r.status,
        Optional.ofNullable(r.statusReason),
        r.citizenIdHash,
        r.citizenIdLastFour,
        Optional.ofNullable(r.email),
        r.provenNameTh,
        Optional.ofNullable(r.provenNameEn),
        r.identityAssuranceLevel,
        orderFile(r),
        Instant.ofEpochMilli(r.createdAt),
        Optional.ofNullable(r.submittedAt).map(Instant::ofEpochMilli),
        Optional.ofNullable(r.decidedAt).map(Instant::ofEpochMilli),
        Optional.ofNullable(r.decidedBy),
        r.version);
  }
}
