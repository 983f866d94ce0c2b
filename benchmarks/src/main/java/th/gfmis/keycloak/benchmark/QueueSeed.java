package th.gfmis.keycloak.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue benchmark's data, written straight into PostgreSQL with set-based SQL (seconds, where
 * the admin API would take the better part of an hour): {@code n} users in Keycloak's own {@code
 * USER_ENTITY} and one registration each in the bundle's {@code GFMIS_REG_*} tables, with one
 * history entry. Every seeded row is marked by the e-mail domain {@value #DOMAIN} and removed by
 * {@link #remove}.
 *
 * <p>The mix: user IDs {@code T9aaaa#########} in 200 agencies ({@code aaaa}); 40 % Request, 10 %
 * New, 10 % Reject, 40 % approved; one in twenty a holder change; submitted one minute apart,
 * oldest first, over the last {@code n} minutes. The CID hash is a stand-in (never compared here).
 */
final class QueueSeed {

  static final String DOMAIN = "queue-bench.gfmis.local";

  private static final String NUMBERED = "from generate_series(?, ?) as n";
  private static final String USERNAME =
      "'t9' || lpad((n % 200)::text, 4, '0') || lpad(n::text, 9, '0')";
  private static final String USER_UUID = "md5('queue-bench-user-' || n)::uuid::text";
  private static final String REGISTRATION_UUID = "md5('queue-bench-reg-' || n)::uuid::text";

  private final String url;
  private final String user;
  private final String password;

  QueueSeed(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The realm's id in Keycloak's table; fails clearly when there is no such realm. */
  String realmId(Connection db, String realm) throws SQLException {
    try (PreparedStatement find = db.prepareStatement("select ID from REALM where NAME = ?")) {
      find.setString(1, realm);
      try (ResultSet rows = find.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("No realm " + realm + " in the database at " + url);
        }
        return rows.getString(1);
      }
    }
  }

  /** Adds users and registrations up to {@code n} of each; returns how many were added. */
  int seed(String realm, int n) throws SQLException {
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      String realmId = realmId(db, realm);
      int have = count(db, realmId);
      if (have >= n) {
        return 0;
      }
      long now = System.currentTimeMillis();
      long firstAt = now - n * 60_000L;
      insertUsers(db, realmId, have + 1, n, now);
      insertRegistrations(db, realmId, have + 1, n, firstAt);
      insertHistory(db, have + 1, n, firstAt);
      db.commit();
      // As autovacuum would leave a table that has lived: statistics, and the visibility map
      // that lets PostgreSQL count from an index alone.
      db.setAutoCommit(true);
      for (String table : List.of("USER_ENTITY", "GFMIS_REG_REGISTRATION", "GFMIS_REG_HISTORY")) {
        try (PreparedStatement vacuum = db.prepareStatement("vacuum analyze " + table)) {
          vacuum.execute();
        }
      }
      return n - have;
    }
  }

  private void insertUsers(Connection db, String realmId, int from, int to, long now)
      throws SQLException {
    run(
        db,
        "insert into USER_ENTITY (ID, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED,"
            + " FIRST_NAME, LAST_NAME, REALM_ID, USERNAME, CREATED_TIMESTAMP, NOT_BEFORE)"
            + " select "
            + USER_UUID
            + ", "
            + USERNAME
            + " || '@"
            + DOMAIN
            + "', "
            + USERNAME
            + " || '@"
            + DOMAIN
            + "', true, true, 'Queue', 'Benchmark ' || n, ?, "
            + USERNAME
            + ", ?, 0 "
            + NUMBERED,
        List.of(realmId, now, from, to));
  }

  private void insertRegistrations(Connection db, String realmId, int from, int to, long firstAt)
      throws SQLException {
    String status =
        "case when n % 10 < 4 then 'REQUEST' when n % 10 = 4 then 'NEW'"
            + " when n % 10 = 5 then 'REJECT' else 'APPROVED' end";
    String open = "case when n % 10 < 6 then " + USER_UUID + " end";
    String at = "? + n::bigint * 60000";
    run(
        db,
        "insert into GFMIS_REG_REGISTRATION (ID, REALM_ID, USER_ID, USERNAME, OPEN_USER_ID, KIND,"
            + " STATUS, CID_HASH, CID_LAST_FOUR, EMAIL, NAME_TH, NAME_EN, IAL, ORDER_FILENAME,"
            + " ORDER_TYPE, ORDER_SIZE, ORDER_SHA256, CREATED_AT, SUBMITTED_AT, QUEUE_AT,"
            + " DECIDED_AT, VERSION) select "
            + REGISTRATION_UUID
            + ", ?, "
            + USER_UUID
            + ", "
            + USERNAME
            + ", "
            + open
            + ", case when n % 20 = 0 then 'HOLDER_CHANGE' else 'NEW_HOLDER' end, "
            + status
            + ", 'bench:' || md5('cid' || n), lpad(((n * 7919) % 10000)::text, 4, '0'), "
            + USERNAME
            + " || '@"
            + DOMAIN
            + "', 'ผู้ทดสอบ ' || n, 'Tester ' || n, '2.3', 'order-' || n || '.pdf',"
            + " 'application/pdf', 12345, md5('order' || n) || md5('order' || n), "
            + at
            + ", "
            + at
            + ", "
            + at
            + ", case when n % 10 >= 5 then "
            + at
            + " + 3600000 end, 1 "
            + NUMBERED,
        List.of(realmId, firstAt, firstAt, firstAt, firstAt, from, to));
  }

  private void insertHistory(Connection db, int from, int to, long firstAt) throws SQLException {
    run(
        db,
        "insert into GFMIS_REG_HISTORY (ID, REGISTRATION_ID, AT, SEQ, STATUS, ACTOR) select"
            + " md5('queue-bench-history-' || n)::uuid::text, "
            + REGISTRATION_UUID
            + ", ? + n::bigint * 60000, 1, 'REQUEST', 'HOLDER' "
            + NUMBERED,
        List.of(firstAt, from, to));
  }

  /** Ids of {@code count} seeded registrations spread over the queue, for "open one". */
  List<String> sampleRegistrations(String realm, int count) throws SQLException {
    return sample(
        realm,
        count,
        "select ID from GFMIS_REG_REGISTRATION where REALM_ID = ? and EMAIL like ? order by"
            + " md5(ID) limit ?");
  }

  /** Ids of {@code count} seeded users, for Keycloak's "open one". */
  List<String> sampleUsers(String realm, int count) throws SQLException {
    return sample(
        realm,
        count,
        "select ID from USER_ENTITY where REALM_ID = ? and EMAIL like ? order by md5(ID) limit ?");
  }

  private List<String> sample(String realm, int count, String sql) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, realmId(db, realm));
      select.setString(2, "%@" + DOMAIN);
      select.setInt(3, count);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  /** Removes every seeded row; returns how many registrations went. */
  int remove(String realm) throws SQLException {
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      String realmId = realmId(db, realm);
      String seeded =
          "select ID from GFMIS_REG_REGISTRATION where REALM_ID = ? and EMAIL like '%@"
              + DOMAIN
              + "'";
      run(
          db,
          "delete from GFMIS_REG_HISTORY where REGISTRATION_ID in (" + seeded + ")",
          List.of(realmId));
      int removed =
          run(
              db,
              "delete from GFMIS_REG_REGISTRATION where ID in (" + seeded + ")",
              List.of(realmId));
      run(
          db,
          "delete from USER_ENTITY where REALM_ID = ? and EMAIL like '%@" + DOMAIN + "'",
          List.of(realmId));
      db.commit();
      return removed;
    }
  }

  private int count(Connection db, String realmId) throws SQLException {
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from USER_ENTITY where REALM_ID = ? and EMAIL like ?")) {
      count.setString(1, realmId);
      count.setString(2, "%@" + DOMAIN);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static int run(Connection db, String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement.executeUpdate();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
