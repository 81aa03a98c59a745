// The `?category=&city=&language=` search params of /experts. They are shareable links, so a
// malformed value is dropped (showing the unfiltered list) rather than failing the page.
import { z } from 'zod';

/** The database's slug rule for categories and cities. */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** ISO 639-1, as the languages table stores it. */
const languageCode = z.string().regex(/^[a-z]{2}$/);

export const directorySearchSchema = z.object({
  category: slug.optional().catch(undefined),
  city: slug.optional().catch(undefined),
  language: languageCode.optional().catch(undefined),
});

export type DirectorySearch = z.infer<typeof directorySearchSchema>;

export type DirectoryFilter = keyof DirectorySearch;

/** A select's value ('' means "any") as the search param: empty values leave the URL. */
export function withFilter(search: DirectorySearch, filter: DirectoryFilter, value: string): DirectorySearch {
  return directorySearchSchema.parse({ ...search, [filter]: value === '' ? undefined : value });
}
