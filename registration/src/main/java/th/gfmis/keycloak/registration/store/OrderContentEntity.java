package th.gfmis.keycloak.registration.store;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table {@code GFMIS_REG_ORDER_CONTENT}: the bytes of a registration's assignment order. */
@Entity
@Table(name = "GFMIS_REG_ORDER_CONTENT")
public class OrderContentEntity {

  @Id
  @Column(name = "REGISTRATION_ID", length = 36)
  String registrationId;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "CONTENT", nullable = false)
  byte[] content;
}
