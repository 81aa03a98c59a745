// Reads a list the API caps per request (PostgREST answers at most 1,000 rows: supabase/config.toml
// max_rows) page by page, until a page comes back short. The reader must order by something unique,
// so that pages neither overlap nor skip rows.
export const API_PAGE_SIZE = 1000;

/** `readPage(from, to)` reads rows from..to inclusive, as supabase-js `.range()` does. */
export async function fetchAllPages<Row>(readPage: (from: number, to: number) => Promise<Row[]>, pageSize = API_PAGE_SIZE): Promise<Row[]> {
  const rows: Row[] = [];
  for (;;) {
    const page = await readPage(rows.length, rows.length + pageSize - 1);
    rows.push(...page);
    if (page.length < pageSize) return rows;
  }
}
