package th.gfmis.keycloak.registration;

/**
 * A registration's place in the queue's order (queued at, then id): a page that starts after it is
 * found by seeking in the queue's index rather than by skipping an offset.
 */
public record QueuePosition(long queueAt, String id) {}
