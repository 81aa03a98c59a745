// Turning slugs and codes into names in the reader's language, and the category tree into groups.
// Pure functions over the reference rows, so they are tested without a database.
import type { Locale } from '../../i18n/locale.ts';
import type { Category, ReferenceData } from './reference-data-query.ts';

interface Named {
  name_en: string;
  name_he: string;
}

export function localizedName(row: Named, locale: Locale): string {
  return locale === 'he' ? row.name_he : row.name_en;
}

export interface CategoryGroup {
  group: Category;
  children: Category[];
}

/** Top-level groups with their categories, both in the rows' order (sort_order from the query). */
export function groupCategories(categories: readonly Category[]): CategoryGroup[] {
  return categories
    .filter((category) => category.parent_slug === null)
    .map((group) => ({ group, children: categories.filter((category) => category.parent_slug === group.slug) }));
}

export type NameLookup = (slugOrCode: string) => string;

/**
 * Name lookups for each reference table. An unknown slug shows as itself, so a row added by a newer
 * migration is still readable before this page is reloaded.
 */
export function nameLookups(reference: ReferenceData, locale: Locale): { category: NameLookup; city: NameLookup; language: NameLookup } {
  const lookup = (rows: readonly (Named & { key: string })[]): NameLookup => {
    const names = new Map(rows.map((row) => [row.key, localizedName(row, locale)]));
    return (key) => names.get(key) ?? key;
  };
  return {
    category: lookup(reference.categories.map((row) => ({ ...row, key: row.slug }))),
    city: lookup(reference.cities.map((row) => ({ ...row, key: row.slug }))),
    language: lookup(reference.languages.map((row) => ({ ...row, key: row.code }))),
  };
}

/** Orders an expert's category slugs as the taxonomy does, so every card lists them the same way. */
export function sortByTaxonomy(slugs: readonly string[], categories: readonly Category[]): string[] {
  const position = new Map(categories.map((category, index) => [category.slug, index]));
  return [...slugs].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || a.localeCompare(b));
}
