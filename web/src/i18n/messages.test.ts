// The dictionaries must stay in lockstep: the type system catches missing keys in he.ts at build
// time, and this test also catches blank translations and placeholders that drifted apart.
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { he } from './he.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it('he and en have exactly the same keys', () => {
    expect(Object.keys(he).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['en', en],
    ['he', he],
  ] as const)('%s has no empty or whitespace-only strings', (_name, messages) => {
    const blank = Object.entries(messages).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('every Hebrew message uses the same {placeholders} as its English source', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(he[key as keyof typeof he]), key).toEqual(placeholders(text));
    }
  });

  it('Hebrew text is actually translated where English words appear', () => {
    // Brand names, language names and the short "EN" label may legitimately be identical.
    const allowedSame = new Set(['app.brand', 'language.en', 'language.he']);
    const untranslated = Object.keys(en).filter((key) => !allowedSame.has(key) && he[key as keyof typeof he] === en[key as keyof typeof en]);
    expect(untranslated).toEqual([]);
  });
});
