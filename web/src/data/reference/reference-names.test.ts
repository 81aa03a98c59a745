import { describe, expect, it } from 'vitest';
import type { ReferenceData } from './reference-data-query.ts';
import { groupCategories, localizedName, nameLookups, sortByTaxonomy } from './reference-names.ts';

const category = (slug: string, parent_slug: string | null, name_en: string, name_he: string) => ({
  slug,
  parent_slug,
  name_en,
  name_he,
  sort_order: 0,
});

const reference: ReferenceData = {
  categories: [
    category('home-services', null, 'Home services', 'שירותי בית'),
    category('business', null, 'Business services', 'שירותים עסקיים'),
    category('plumbing', 'home-services', 'Plumbing', 'אינסטלציה'),
    category('tax', 'business', 'Tax', 'מיסים'),
    category('electrical', 'home-services', 'Electrical', 'חשמל'),
  ],
  cities: [{ slug: 'haifa', name_en: 'Haifa', name_he: 'חיפה', country_code: 'IL', latitude: 32.794, longitude: 34.9896, sort_order: 30 }],
  languages: [{ code: 'he', name_en: 'Hebrew', name_he: 'עברית', sort_order: 10 }],
};

describe('localizedName', () => {
  it('uses name_he in Hebrew and name_en otherwise', () => {
    expect(localizedName(reference.cities[0]!, 'he')).toBe('חיפה');
    expect(localizedName(reference.cities[0]!, 'en')).toBe('Haifa');
  });
});

describe('groupCategories', () => {
  it('puts each category under its group, keeping the given order', () => {
    const groups = groupCategories(reference.categories);
    expect(groups.map(({ group, children }) => [group.slug, children.map((c) => c.slug)])).toEqual([
      ['home-services', ['plumbing', 'electrical']],
      ['business', ['tax']],
    ]);
  });
});

describe('nameLookups', () => {
  it('names categories, cities and languages in the locale', () => {
    const he = nameLookups(reference, 'he');
    expect([he.category('plumbing'), he.city('haifa'), he.language('he')]).toEqual(['אינסטלציה', 'חיפה', 'עברית']);
    const en = nameLookups(reference, 'en');
    expect([en.category('tax'), en.city('haifa'), en.language('he')]).toEqual(['Tax', 'Haifa', 'Hebrew']);
  });

  it('shows an unknown slug as itself', () => {
    expect(nameLookups(reference, 'en').city('atlantis')).toBe('atlantis');
  });
});

describe('sortByTaxonomy', () => {
  it('orders slugs as the taxonomy lists them, unknown ones last', () => {
    expect(sortByTaxonomy(['zzz', 'tax', 'electrical', 'plumbing'], reference.categories)).toEqual(['plumbing', 'tax', 'electrical', 'zzz']);
  });
});
