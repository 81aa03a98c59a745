import { describe, expect, it } from 'vitest';
import { fetchAllPages } from './fetch-all-pages.ts';

const source = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('fetchAllPages', () => {
  it.each([0, 1, 2, 3, 4, 7])('reads all %i rows in pages of 3, asking for each range once', async (count) => {
    const all = source(count);
    const asked: [number, number][] = [];
    const rows = await fetchAllPages(async (from, to) => {
      asked.push([from, to]);
      return all.slice(from, to + 1);
    }, 3);
    expect(rows).toEqual(all);
    // A full last page needs one more (empty) read to know it was the last.
    expect(asked.length).toBe(Math.floor(count / 3) + 1);
    expect(asked[0]).toEqual([0, 2]);
  });

  it('passes errors on', async () => {
    await expect(
      fetchAllPages(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
  });
});
