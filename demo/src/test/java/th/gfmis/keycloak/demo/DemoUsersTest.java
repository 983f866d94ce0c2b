package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

  @Test
  void listsUsersWithEmailAndDemoCidAndSkipsServiceAccounts() throws Exception {
    String realm =
        ("{'realm':'gfmis','users':["
                + "{'username':'user01','email':'user01@example.test',"
                + "'attributes':{'gfmis.demo.cid':['1101700230708'],'other':['x']}},"
                + "{'username':'user02'},"
                + "{'username':'service-account-x','serviceAccountClientId':'x'},"
                + "{'username':'user03','attributes':{'gfmis.demo.cid':'3100600123457'}}]}")
            .replace('\'', '"');
    List<DemoUser> users = DemoUsers.of(new ObjectMapper().readTree(realm));
    assertEquals(
        List.of(
            new DemoUser("gfmis", "user01", "user01@example.test", "1101700230708"),
            new DemoUser("gfmis", "user02", "", ""),
            new DemoUser("gfmis", "user03", "", "3100600123457")),
        users);
  }

  @Test
  void aRealmWithoutUsersHasNone() throws Exception {
    assertEquals(List.of(), DemoUsers.of(new ObjectMapper().readTree("{\"realm\":\"empty\"}")));
  }
}
