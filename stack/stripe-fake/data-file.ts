// Optional persistence: the whole store as one JSON file, rewritten after changes so a restarted
// fake (a second `npm start`) still knows the sessions, payments and events the database refers to.
// Writes go to a temporary file renamed over the old one, so a crash mid-write never leaves half a
// file, and are coalesced: changes within a short wait (longer as the store grows) cost one write,
// and close() writes whatever is still pending.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreSnapshot } from './store.ts';

export async function loadDataFile(file: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`stripe-fake: ${file} is not valid JSON; delete it to start with an empty fake.`);
  }
  const snapshot = data as Partial<StoreSnapshot>;
  if (snapshot.version !== 1 || !Array.isArray(snapshot.entries) || !Array.isArray(snapshot.idempotency)) {
    throw new Error(`stripe-fake: ${file} is not a data file this fake wrote (version 1); delete it to start with an empty fake.`);
  }
  return snapshot as StoreSnapshot;
}

/** Shortest wait between a change and the write that saves it. */
const MIN_DELAY_MS = 100;
/** Longest: the most a crash (rather than close()) can lose, however large the store grows. */
const MAX_DELAY_MS = 5_000;
/** A write serialises the whole store on the event loop; waiting 8× its duration keeps writes to about a ninth of the time. */
const DELAY_PER_WRITE_MS = 8;

export class DataFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;
  private lastWriteMs = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  /**
   * Marks the data dirty. The write follows after a short wait, so a burst of changes (a payout run
   * makes thousands a second) costs one write; the wait grows with the time a write takes, since each
   * serialises the whole store. close() writes what is pending at once (flush()).
   */
  schedule(): void {
    if (this.timer) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, this.lastWriteMs * DELAY_PER_WRITE_MS));
    this.timer = setTimeout(() => this.startWrite(), delay);
  }

  private startWrite(): void {
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      try {
        await this.write();
      } catch (e) {
        this.lastError = e as Error;
      }
    });
  }

  private async write(): Promise<void> {
    const started = performance.now();
    const tmp = `${this.file}.${process.pid}.tmp`;
    await mkdir(dirname(this.file), { recursive: true });
    const text = JSON.stringify(this.snapshot());
    this.lastWriteMs = performance.now() - started;
    await writeFile(tmp, text);
    await rename(tmp, this.file);
  }

  /** Writes what is pending now and waits for every write; rethrows a write that failed, so a lost file is not silent. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.startWrite();
    }
    await this.writing;
    if (this.lastError) {
      const e = this.lastError;
      this.lastError = undefined;
      throw e;
    }
  }
}
