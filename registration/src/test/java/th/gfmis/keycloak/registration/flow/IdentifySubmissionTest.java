package th.gfmis.keycloak.registration.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.registration.FakeAuthSession;
import th.gfmis.keycloak.registration.OrderFile;
import th.gfmis.keycloak.registration.Submission;

class IdentifySubmissionTest {

  private final FakeAuthSession authSession = new FakeAuthSession("tab", "client");
  private final RegistrationForm form =
      new RegistrationForm("T05005000000401", "1102000456780", "manee.m@demo.gfmis.local");

  @Test
  void aSubmissionIsTakenOnceWithItsFile() {
    byte[] content = {1, 2, 3};
    Submission.Attached order =
        new Submission.Attached(new OrderFile("order.png", "image/png", 3, "abc"), content);
    IdentifySubmission.keep(authSession.model(), form, Optional.of(order));

    IdentifySubmission taken = IdentifySubmission.take(authSession.model()).orElseThrow();
    assertEquals(form, taken.form());
    Submission.Attached kept = (Submission.Attached) taken.order().orElseThrow();
    assertEquals(order.file(), kept.file());
    assertArrayEquals(content, kept.content());
    assertEquals(Optional.empty(), IdentifySubmission.take(authSession.model()), "taken once");
    assertTrue(
        authSession.notes.keySet().stream().noneMatch(note -> note.startsWith("gfmis-reg-input")),
        "no entered field stays in the session: " + authSession.notes.keySet());
  }

  @Test
  void aSubmissionWithoutAFileForgetsTheFileOfAnEarlierOne() {
    IdentifySubmission.keep(
        authSession.model(), form, Optional.of(new Submission.Refused("gfmisOrderEmpty")));
    IdentifySubmission.take(authSession.model());
    IdentifySubmission.keep(authSession.model(), form, Optional.empty());

    assertEquals(
        Optional.empty(), IdentifySubmission.take(authSession.model()).orElseThrow().order());
  }

  @Test
  void nothingIsTakenWhenNothingWasSent() {
    assertEquals(Optional.empty(), IdentifySubmission.take(authSession.model()));
  }
}
