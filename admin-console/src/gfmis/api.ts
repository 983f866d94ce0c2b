import type KeycloakAdminClient from "@keycloak/keycloak-admin-client";

export type Status = "NEW" | "REQUEST" | "REJECT" | "APPROVED";
export const STATUSES: Status[] = ["NEW", "REQUEST", "REJECT", "APPROVED"];

export type Summary = {
  id: string;
  userId: string;
  kind: "NEW_HOLDER" | "NEW_DEVICE" | "HOLDER_CHANGE";
  status: Status;
  statusReason: string | null;
  cidLastFour: string;
  provenNameTh: string;
  provenNameEn: string | null;
  ial: string;
  email: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
};

export type Detail = Summary & {
  order: { filename: string; contentType: string; size: number; sha256: string } | null;
  history: {
    at: string;
    status: Status;
    actor: "HOLDER" | "APPROVER" | "SYSTEM";
    actorUsername: string | null;
    reason: string | null;
  }[];
  currentHolderName: string | null;
};

export type Counts = Record<Status, number> & { holderChanges: number };
export type Access = { read: boolean; decide: boolean };
/** `total` stops at 10,000 (`totalExact` false); `next` is the following page's `after`. */
export type Page = { total: number; totalExact: boolean; next: string | null; items: Summary[] };

export type Filter = {
  statuses: Status[];
  holderChange: boolean;
  userIdPrefix: string;
  submittedFrom: string;
  submittedBefore: string;
  q: string;
};

/** Thrown when another approver decided first: the server's answer to a stale version. */
export class AlreadyDecided extends Error {
  constructor(readonly status: Status) {
    super("already_decided");
  }
}

/** The GFMIS registrations API under /admin/realms/{realm}/gfmis, called with the console's token. */
export class RegistrationsApi {
  constructor(
    private readonly client: KeycloakAdminClient,
    private readonly realm: string,
  ) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await this.client.getAccessToken();
    const url = `${this.client.baseUrl}/admin/realms/${encodeURIComponent(this.realm)}/gfmis/registrations${path}`;
    const response = await fetch(url, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
    if (response.status === 409) {
      const body = await response.json();
      throw new AlreadyDecided(body.status);
    }
    if (!response.ok) {
      throw new Error(`${response.status} ${path}`);
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.call(path, init)).json();
  }

  access = () => this.json<Access>("/access");
  counts = () => this.json<Counts>("/counts");
  detail = (id: string) => this.json<Detail>(`/${encodeURIComponent(id)}`);

  /** A page after `after` (a previous page's `next`), or at offset `first` without one. */
  list(filter: Filter, max: number, after?: string, first = 0): Promise<Page> {
    const query = new URLSearchParams();
    filter.statuses.forEach((s) => query.append("status", s));
    if (filter.holderChange) query.set("holderChange", "true");
    if (filter.userIdPrefix.trim()) query.set("userIdPrefix", filter.userIdPrefix.trim());
    if (filter.submittedFrom) query.set("submittedFrom", `${filter.submittedFrom}T00:00:00Z`);
    if (filter.submittedBefore) {
      const next = new Date(`${filter.submittedBefore}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      query.set("submittedBefore", next.toISOString().replace(".000", ""));
    }
    if (filter.q.trim()) query.set("q", filter.q.trim());
    if (after) query.set("after", after);
    else query.set("first", String(first));
    query.set("max", String(max));
    return this.json<Page>(`?${query}`);
  }

  /**
   * The order's bytes as a Blob whose type is one of the three allowed types only, so that the
   * console never gets a blob URL that a browser would run as a document in its own origin.
   */
  async order(id: string): Promise<Blob | undefined> {
    const response = await this.call(`/${encodeURIComponent(id)}/order`);
    const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
    if (!SHOWN_TYPES.includes(type)) return undefined;
    return new Blob([await response.arrayBuffer()], { type });
  }

  private decide(id: string, action: string, body: object): Promise<Detail> {
    return this.json<Detail>(`/${encodeURIComponent(id)}/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  approve = (id: string, version: number) => this.decide(id, "approve", { version });
  reject = (id: string, version: number, reason: string) =>
    this.decide(id, "reject", { version, reason });
}

export const SHOWN_TYPES = ["application/pdf", "image/png", "image/jpeg"];
