package th.gfmis.keycloak.it.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import th.gfmis.keycloak.domain.KeyedHash;
import th.gfmis.keycloak.domain.KeyedHashRing;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;

/**
 * Puts registrations in the server's PostgreSQL tables as the holder's flow would leave them
 * (status REQUEST, the proven CID as the server's keyed hash, an order file), until the flow that
 * creates them is merged. Needs the PostgreSQL execution's {@code kc.test.database.*} properties.
 */
final class RegistrationSeeds {

  /** A registration to seed. */
  record Seed(
      String userId,
      String username,
      String kind,
      String citizenId,
      String email,
      String nameTh,
      String nameEn,
      String filename,
      String contentType,
      byte[] content) {

    /** A new holder's request by {@code holder} (Somying Test as ThaID proved), with this file. */
    static Seed of(
        Holders holders, Holder holder, String filename, String contentType, byte[] content) {
      return new Seed(
          holders.userId(holder),
          holder.username(),
          "NEW_HOLDER",
          holder.citizenIdDigits(),
          "new-" + holder.email(),
          "สมหญิง ทดสอบ",
          "Somying Test",
          filename,
          contentType,
          content);
    }
  }

  private final String realmId;

  RegistrationSeeds(String realmId) {
    this.realmId = realmId;
  }

  /** Stores {@code seed} at version 1, submitted now; returns its id. */
  String request(Seed seed) throws Exception {
    String id = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into GFMIS_REG_REGISTRATION (ID, REALM_ID, USER_ID, USERNAME, OPEN_USER_ID,"
                  + " KIND, STATUS, CID_HASH, CID_LAST_FOUR, EMAIL, NAME_TH, NAME_EN, IAL,"
                  + " ORDER_FILENAME, ORDER_TYPE, ORDER_SIZE, ORDER_SHA256, CREATED_AT,"
                  + " SUBMITTED_AT, QUEUE_AT, VERSION) values"
                  + " (?, ?, ?, ?, ?, ?, 'REQUEST', ?, ?, ?, ?, ?, '2.3', ?, ?, ?, ?, ?, ?, ?, 1)")) {
        int i = 1;
        insert.setString(i++, id);
        insert.setString(i++, realmId);
        insert.setString(i++, seed.userId());
        insert.setString(i++, seed.username());
        insert.setString(i++, seed.userId());
        insert.setString(i++, seed.kind());
        insert.setString(i++, cidHash(seed.citizenId()));
        insert.setString(i++, seed.citizenId().substring(9));
        insert.setString(i++, seed.email());
        insert.setString(i++, seed.nameTh());
        insert.setString(i++, seed.nameEn());
        insert.setString(i++, seed.filename());
        insert.setString(i++, seed.contentType());
        insert.setLong(i++, seed.content().length);
        insert.setString(i++, sha256(seed.content()));
        insert.setLong(i++, now);
        insert.setLong(i++, now);
        insert.setLong(i++, now);
        insert.executeUpdate();
      }
      try (PreparedStatement content =
          db.prepareStatement(
              "insert into GFMIS_REG_ORDER_CONTENT (REGISTRATION_ID, CONTENT) values (?, ?)")) {
        content.setString(1, id);
        content.setBytes(2, seed.content());
        content.executeUpdate();
      }
      try (PreparedStatement history =
          db.prepareStatement(
              "insert into GFMIS_REG_HISTORY (ID, REGISTRATION_ID, AT, SEQ, STATUS, ACTOR) values"
                  + " (?, ?, ?, 1, 'REQUEST', 'HOLDER')")) {
        history.setString(1, UUID.randomUUID().toString());
        history.setString(2, id);
        history.setLong(3, now);
        history.executeUpdate();
      }
      db.commit();
    }
    return id;
  }

  /** How many registrations the user has in the tables (for the removal with the user). */
  long countFor(String userId) throws SQLException {
    try (Connection db = connect();
        PreparedStatement count =
            db.prepareStatement("select count(*) from GFMIS_REG_REGISTRATION where USER_ID = ?")) {
      count.setString(1, userId);
      try (var rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The CID's hash as the server makes it: the current test key, context "citizen-id". */
  static String cidHash(String citizenId) {
    return new KeyedHashRing(
            GfmisServerConfig.CID_HASH_KEY_ID,
            new KeyedHash(GfmisServerConfig.CID_HASH_KEY.getBytes(StandardCharsets.UTF_8)),
            Map.of())
        .hash("citizen-id", citizenId);
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static Connection connect() throws SQLException {
    String url = System.getProperty("kc.test.database.url");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "Seeding registrations needs the PostgreSQL execution (kc.test.database.url)");
    }
    return DriverManager.getConnection(
        url,
        System.getProperty("kc.test.database.user"),
        System.getProperty("kc.test.database.password"));
  }
}
