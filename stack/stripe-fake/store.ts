// Every object the fake has handed out, kept as the exact JSON the API returns, with the account it
// belongs to (null for the platform; a connected account's id for objects made with the
// Stripe-Account header) and an insertion sequence that breaks ties between objects created in the
// same second, so lists come back newest first in a stable order, as Stripe's do.

export interface StripeObject {
  id: string;
  object: string;
  created?: number;
  [key: string]: unknown;
}

/** Bookkeeping that is not part of the API shape (a session's line items, an event's delivered endpoints). */
export type Internal = Record<string, unknown>;

export interface StoreEntry {
  obj: StripeObject;
  account: string | null;
  seq: number;
  internal: Internal;
}

/** The first response to a POST with an Idempotency-Key, replayed for later requests with that key. */
export interface IdempotentResult {
  scopeKey: string;
  method: string;
  path: string;
  params: string;
  status: number;
  body: string;
  requestId: string;
  createdAt: number;
}

export interface StoreSnapshot {
  version: 1;
  seq: number;
  entries: StoreEntry[];
  idempotency: IdempotentResult[];
}

export class Store {
  private entries = new Map<string, StoreEntry>();
  private seq = 0;
  readonly idempotency = new Map<string, IdempotentResult>();
  /** Called after every change, so the data file can be rewritten. */
  onChange: () => void = () => {};

  insert<T extends StripeObject>(obj: T, account: string | null, internal: Internal = {}): T {
    this.entries.set(obj.id, { obj, account, seq: ++this.seq, internal });
    this.changed();
    return obj;
  }

  /** An object visible to the caller's account, or undefined (another account's objects do not exist for it). */
  get<T extends StripeObject = StripeObject>(id: string, account: string | null, objectType?: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.account !== account) return undefined;
    if (objectType && entry.obj.object !== objectType) return undefined;
    return entry.obj as T;
  }

  /** Any object regardless of account: for the fake's own cross-account work (a transfer's destination). */
  entry(id: string): StoreEntry | undefined {
    return this.entries.get(id);
  }

  internal(id: string): Internal {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`stripe-fake: no object ${id}`);
    return entry.internal;
  }

  /** Objects of one type in one account, newest first. */
  list<T extends StripeObject = StripeObject>(objectType: string, account: string | null, filter: (o: T) => boolean = () => true): T[] {
    const out: StoreEntry[] = [];
    for (const e of this.entries.values()) {
      if (e.obj.object === objectType && e.account === account && filter(e.obj as T)) out.push(e);
    }
    out.sort((a, b) => (b.obj.created ?? 0) - (a.obj.created ?? 0) || b.seq - a.seq);
    return out.map((e) => e.obj as T);
  }

  /** Every object of a type across accounts (for sweeps such as expiring Checkout Sessions). */
  all<T extends StripeObject = StripeObject>(objectType: string): { obj: T; account: string | null }[] {
    const out: { obj: T; account: string | null }[] = [];
    for (const e of this.entries.values()) if (e.obj.object === objectType) out.push({ obj: e.obj as T, account: e.account });
    return out;
  }

  /** Objects are changed in place by the handlers; this marks the store dirty. */
  changed(): void {
    this.onChange();
  }

  snapshot(): StoreSnapshot {
    return { version: 1, seq: this.seq, entries: [...this.entries.values()], idempotency: [...this.idempotency.values()] };
  }

  restore(snapshot: StoreSnapshot): void {
    this.entries = new Map(snapshot.entries.map((e) => [e.obj.id, e]));
    this.seq = snapshot.seq;
    this.idempotency.clear();
    for (const r of snapshot.idempotency) this.idempotency.set(r.scopeKey, r);
  }

  clear(): void {
    this.entries.clear();
    this.idempotency.clear();
    this.changed();
  }
}
