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

/** Where an object lives in the indexes: its type within its account. */
const kindKey = (objectType: string, account: string | null) => `${account ?? ''}\u0000${objectType}`;

export class Store {
  private entries = new Map<string, StoreEntry>();
  /**
   * The same entries by account and type, in insertion order, so lists and balances cost what the
   * account holds of that type rather than everything the fake holds (a payout run makes 100,000s).
   */
  private byKind = new Map<string, StoreEntry[]>();
  private byType = new Map<string, StoreEntry[][]>();
  /** entriesWhere's indexes, kept per entries array so that clear() and restore() drop them with it. */
  private fieldIndexes = new WeakMap<readonly StoreEntry[], Map<string, { counted: number; byValue: Map<unknown, StoreEntry[]> }>>();
  private seq = 0;
  readonly idempotency = new Map<string, IdempotentResult>();
  /** Called after every change, so the data file can be rewritten. */
  onChange: () => void = () => {};

  insert<T extends StripeObject>(obj: T, account: string | null, internal: Internal = {}): T {
    const previous = this.entries.get(obj.id);
    if (previous) this.unindex(previous);
    const entry: StoreEntry = { obj, account, seq: ++this.seq, internal };
    this.entries.set(obj.id, entry);
    this.index(entry);
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

  /**
   * The entries of one type in one account, oldest first. The array is the store's own, only ever
   * appended to (clear() and restore() start new ones), so callers may keep running totals keyed by it.
   */
  entriesOf(objectType: string, account: string | null): readonly StoreEntry[] {
    return this.byKind.get(kindKey(objectType, account)) ?? [];
  }

  /**
   * The entries of one type in one account whose `field` holds `value`, oldest first, through an
   * index built on first use and brought up to date on each call. Only for fields that never change
   * once the object exists (a transfer's transfer_group or destination).
   */
  entriesWhere(objectType: string, account: string | null, field: string, value: unknown): readonly StoreEntry[] {
    const entries = this.entriesOf(objectType, account);
    let byField = this.fieldIndexes.get(entries);
    if (!byField) this.fieldIndexes.set(entries, (byField = new Map()));
    let index = byField.get(field);
    if (!index) byField.set(field, (index = { counted: 0, byValue: new Map() }));
    for (; index.counted < entries.length; index.counted += 1) {
      const e = entries[index.counted] as StoreEntry;
      const v = e.obj[field];
      const same = index.byValue.get(v);
      if (same) same.push(e);
      else index.byValue.set(v, [e]);
    }
    return index.byValue.get(value) ?? [];
  }

  /**
   * Objects of one type in one account, newest first; `where` narrows them first through
   * entriesWhere (an unchanging field equal to a value), `filter` then picks.
   */
  list<T extends StripeObject = StripeObject>(
    objectType: string,
    account: string | null,
    filter: (o: T) => boolean = () => true,
    where?: { field: string; value: unknown },
  ): T[] {
    const entries = where ? this.entriesWhere(objectType, account, where.field, where.value) : this.entriesOf(objectType, account);
    const out: StoreEntry[] = [];
    let ordered = true;
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const e = entries[i] as StoreEntry;
      if (!filter(e.obj as T)) continue;
      const last = out[out.length - 1];
      if (last && (e.obj.created ?? 0) > (last.obj.created ?? 0)) ordered = false;
      out.push(e);
    }
    // Newer objects are inserted later, so the walk back is already newest first unless the clock moved back.
    if (!ordered) out.sort((a, b) => (b.obj.created ?? 0) - (a.obj.created ?? 0) || b.seq - a.seq);
    return out.map((e) => e.obj as T);
  }

  /** Every object of a type across accounts (for sweeps such as expiring Checkout Sessions). */
  all<T extends StripeObject = StripeObject>(objectType: string): { obj: T; account: string | null }[] {
    const out: { obj: T; account: string | null }[] = [];
    for (const entries of this.byType.get(objectType) ?? []) for (const e of entries) out.push({ obj: e.obj as T, account: e.account });
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
    this.reindex();
    this.seq = snapshot.seq;
    this.idempotency.clear();
    for (const r of snapshot.idempotency) this.idempotency.set(r.scopeKey, r);
  }

  clear(): void {
    this.entries.clear();
    this.reindex();
    this.idempotency.clear();
    this.changed();
  }

  private index(entry: StoreEntry): void {
    const key = kindKey(entry.obj.object, entry.account);
    let entries = this.byKind.get(key);
    if (!entries) {
      entries = [];
      this.byKind.set(key, entries);
      const ofType = this.byType.get(entry.obj.object) ?? [];
      ofType.push(entries);
      this.byType.set(entry.obj.object, ofType);
    }
    entries.push(entry);
  }

  /** Only when an id is stored again, which the handlers never do; kept correct rather than fast. */
  private unindex(entry: StoreEntry): void {
    const entries = this.byKind.get(kindKey(entry.obj.object, entry.account));
    const at = entries?.indexOf(entry) ?? -1;
    if (entries && at >= 0) {
      // A new array, not a splice: running totals kept for the old one must not outlive a removal.
      const copy = [...entries.slice(0, at), ...entries.slice(at + 1)];
      this.byKind.set(kindKey(entry.obj.object, entry.account), copy);
      const ofType = this.byType.get(entry.obj.object) ?? [];
      ofType[ofType.indexOf(entries)] = copy;
    }
  }

  private reindex(): void {
    this.byKind = new Map();
    this.byType = new Map();
    for (const entry of [...this.entries.values()].sort((a, b) => a.seq - b.seq)) this.index(entry);
  }
}
