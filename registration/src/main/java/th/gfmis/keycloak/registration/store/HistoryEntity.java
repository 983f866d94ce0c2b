package th.gfmis.keycloak.registration.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import th.gfmis.keycloak.registration.HistoryEntry;
import th.gfmis.keycloak.registration.RegistrationStatus;

/** Table {@code GFMIS_REG_HISTORY}: one status change of a registration. */
@Entity
@Table(name = "GFMIS_REG_HISTORY")
public class HistoryEntity {

  @Id
  @Column(name = "ID", length = 36)
  String id;

  @Column(name = "REGISTRATION_ID", nullable = false, length = 36)
  String registrationId;

  @Column(name = "AT", nullable = false)
  long at;

  /** Orders entries of the same millisecond. */
  @Column(name = "SEQ", nullable = false)
  long seq;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  RegistrationStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "ACTOR", nullable = false)
  HistoryEntry.Actor actor;

  @Column(name = "ACTOR_ID")
  String actorId;

  @Column(name = "REASON", length = 2000)
  String reason;
}
