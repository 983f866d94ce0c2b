package th.gfmis.keycloak.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeMemoTest {

  @Test
  void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
    NodeMemo<String, Integer> memo = new NodeMemo<>(2);
    memo.put("a", 1);
    memo.put("b", 2);
    assertEquals(1, memo.get("a")); // "b" is now the least recently used
    memo.put("c", 3);

    assertEquals(1, memo.get("a"));
    assertNull(memo.get("b"));
    assertEquals(3, memo.get("c"));
    assertEquals(2, memo.size());
  }

  @Test
  void forgetRemovesOnlyTheValueItWasToldAbout() {
    NodeMemo<String, String> memo = new NodeMemo<>(4);
    memo.put("serial", "user-1");
    memo.forget("serial", "user-2");
    assertEquals("user-1", memo.get("serial"));
    memo.forget("serial", "user-1");
    assertNull(memo.get("serial"));
  }

  @Test
  void aMemoHoldsAtLeastOneEntry() {
    assertThrows(IllegalArgumentException.class, () -> new NodeMemo<String, String>(0));
  }
}
