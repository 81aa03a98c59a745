// Optional persistence: the whole store as one JSON file, rewritten after changes so a restarted
// fake (a second `npm start`) still knows the sessions, payments and events the database refers to.
// Writes go to a temporary file renamed over the old one, so a crash mid-write never leaves half a
// file, and are coalesced: a burst of changes costs one write.
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

export class DataFileWriter {
  private pending = false;
  private writing: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  /** Marks the data dirty; one write follows the current one, whatever the number of calls meanwhile. */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.writing = this.writing.then(async () => {
      this.pending = false;
      try {
        await this.write();
      } catch (e) {
        this.lastError = e as Error;
      }
    });
  }

  private async write(): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(tmp, JSON.stringify(this.snapshot()));
    await rename(tmp, this.file);
  }

  /** Waits for every scheduled write; rethrows a write that failed, so a lost file is not silent. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.lastError) {
      const e = this.lastError;
      this.lastError = undefined;
      throw e;
    }
  }
}
