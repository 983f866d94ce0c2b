package th.gfmis.keycloak.registration.order;

/** Why an assignment-order file was refused: login-theme message keys, Thai and English. */
public final class OrderRefusals {

  /** Over the size limit. */
  public static final String TOO_LARGE = "gfmisOrderTooLarge";

  /** No bytes at all. */
  public static final String EMPTY = "gfmisOrderEmpty";

  /** Not a PDF, JPEG or PNG, or not the type its name claims. */
  public static final String WRONG_TYPE = "gfmisOrderWrongType";

  /** A PDF with scripts, actions that run on their own, or embedded files. */
  public static final String ACTIVE_CONTENT = "gfmisOrderActiveContent";

  /** The type is right but the file is damaged, encrypted or cannot be read. */
  public static final String UNREADABLE = "gfmisOrderUnreadable";

  private OrderRefusals() {}
}
