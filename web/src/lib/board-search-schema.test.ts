import { describe, expect, it } from 'vitest';
import { ANY_DISTANCE_KM, boardFilterArgs, boardSearchSchema, budgetFieldText, budgetSearchValue } from './board-search-schema.ts';

describe('boardSearchSchema', () => {
  it('keeps valid filters', () => {
    expect(boardSearchSchema.parse({ category: 'home-services', distance: 50, min: 1500.5, max: 3000, kind: 'referral' })).toEqual({
      category: 'home-services',
      distance: 50,
      min: 1500.5,
      max: 3000,
      kind: 'referral',
    });
    expect(boardSearchSchema.parse({ distance: 'any' })).toEqual({ distance: 'any' });
  });

  it('drops malformed ones instead of failing the page', () => {
    expect(boardSearchSchema.parse({ category: 'Not A Slug', distance: 33, min: -1, max: 1.234, kind: 'other' })).toEqual({});
    expect(boardSearchSchema.parse({ min: '1500' })).toEqual({});
  });
});

describe('boardFilterArgs', () => {
  it('passes only the filters that are set, with budgets in exact minor units', () => {
    expect(boardFilterArgs({})).toEqual({});
    expect(boardFilterArgs({ category: 'plumbing', distance: 25, min: 0.29, max: 1500.5, kind: 'consumer' })).toEqual({
      category_slug: 'plumbing',
      max_distance_km: 25,
      min_budget_cents: 29,
      max_budget_cents: 150050,
      lead_kind: 'consumer',
    });
    expect(boardFilterArgs({ distance: 'any' })).toEqual({ max_distance_km: ANY_DISTANCE_KM });
  });
});

describe('budget fields', () => {
  it('round-trip typed amounts through the URL exactly', () => {
    for (const text of ['0.29', '4.35', '1500.5', '1500', '999999999.99']) {
      const value = budgetSearchValue(text);
      expect(typeof value).toBe('number');
      expect(boardFilterArgs({ min: value as number }).min_budget_cents).toBe(Math.round(Number(text) * 100));
    }
    expect(budgetFieldText(1500.5)).toBe('1500.5');
    expect(budgetFieldText(undefined)).toBe('');
  });

  it('tells empty from invalid', () => {
    expect(budgetSearchValue(' ')).toBeUndefined();
    expect(budgetSearchValue('1,500')).toBeNull();
  });
});
