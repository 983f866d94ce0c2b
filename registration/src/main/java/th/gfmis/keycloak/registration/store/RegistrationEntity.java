package th.gfmis.keycloak.registration.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationStatus;

/**
 * Table {@code GFMIS_REG_REGISTRATION}: one registration with the description of its order file
 * (the bytes are in {@link OrderContentEntity}, so that lists never load them).
 *
 * <p>{@code openUserId} is the user's id while the registration is open and null once approved; a
 * unique constraint on it lets the database refuse a second open registration for a user on every
 * node. {@code version} is bumped by a conditional update on every change (see {@link
 * JpaRegistrationStore}); {@code queueAt} is the submission time (or creation time while never
 * submitted), the queue's sort key.
 */
@Entity
@Table(name = "GFMIS_REG_REGISTRATION")
public class RegistrationEntity {

  @Id
  @Column(name = "ID", length = 36)
  String id;

  @Column(name = "REALM_ID", nullable = false)
  String realmId;

  @Column(name = "USER_ID", nullable = false)
  String userId;

  @Column(name = "USERNAME", nullable = false)
  String username;

  @Column(name = "OPEN_USER_ID")
  String openUserId;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  RegistrationKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  RegistrationStatus status;

  @Column(name = "STATUS_REASON", length = 2000)
  String statusReason;

  @Column(name = "CID_HASH", nullable = false)
  String citizenIdHash;

  @Column(name = "CID_LAST_FOUR", nullable = false, length = 4)
  String citizenIdLastFour;

  @Column(name = "EMAIL")
  String email;

  @Column(name = "NAME_TH", nullable = false)
  String provenNameTh;

  @Column(name = "NAME_EN")
  String provenNameEn;

  @Column(name = "IAL", nullable = false)
  String identityAssuranceLevel;

  @Column(name = "ORDER_FILENAME")
  String orderFilename;

  @Column(name = "ORDER_TYPE")
  String orderContentType;

  @Column(name = "ORDER_SIZE")
  Long orderSize;

  @Column(name = "ORDER_SHA256", length = 64)
  String orderSha256;

  @Column(name = "CREATED_AT", nullable = false)
  long createdAt;

  @Column(name = "SUBMITTED_AT")
  Long submittedAt;

  @Column(name = "QUEUE_AT", nullable = false)
  long queueAt;

  @Column(name = "DECIDED_AT")
  Long decidedAt;

  @Column(name = "DECIDED_BY")
  String decidedBy;

  @Column(name = "VERSION", nullable = false)
  long version;
}
