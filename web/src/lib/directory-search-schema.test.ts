import { describe, expect, it } from 'vitest';
import { directorySearchSchema, withFilter } from './directory-search-schema.ts';

describe('directory search schema', () => {
  it('keeps well-formed filters', () => {
    expect(directorySearchSchema.parse({ category: 'home-services', city: 'tel-aviv', language: 'he' })).toEqual({
      category: 'home-services',
      city: 'tel-aviv',
      language: 'he',
    });
  });

  it('is fine with no filters', () => {
    expect(directorySearchSchema.parse({})).toEqual({});
  });

  it.each([
    ['category', 'Home Services'],
    ['category', '-plumbing'],
    ['city', 'tel aviv'],
    ['city', 42],
    ['language', 'heb'],
    ['language', 'HE'],
  ])('drops a malformed %s (%j) instead of failing the page', (filter, value) => {
    expect(directorySearchSchema.parse({ [filter]: value })).toEqual({});
  });

  it('ignores search params it does not know', () => {
    expect(directorySearchSchema.parse({ city: 'haifa', page: '2' })).toEqual({ city: 'haifa' });
  });
});

describe('withFilter', () => {
  it('sets one filter and keeps the others', () => {
    expect(withFilter({ city: 'haifa' }, 'category', 'plumbing')).toEqual({ city: 'haifa', category: 'plumbing' });
  });

  it('removes a filter when "any" (empty) is chosen', () => {
    expect(withFilter({ city: 'haifa', language: 'en' }, 'city', '')).toEqual({ language: 'en' });
  });
});
