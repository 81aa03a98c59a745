// The form dialect stripe-node speaks, parsed back into the nested parameters endpoints read.
import { describe, expect, it } from 'vitest';
import { StripeFakeError } from './errors.ts';
import { canonicalParams, encodeForm, parseForm } from './form-encoding.ts';
import { applyMetadata, Params } from './params.ts';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('parseForm', () => {
  it('nests bracketed keys and keeps indexed arrays as index-keyed objects', () => {
    const form = parseForm(
      'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][quantity]=2&line_items[1][quantity]=1&metadata[order]=a%20b&expand[0]=x',
    );
    expect(plain(form)).toEqual({
      mode: 'payment',
      line_items: { '0': { price_data: { currency: 'usd' }, quantity: '2' }, '1': { quantity: '1' } },
      metadata: { order: 'a b' },
      expand: { '0': 'x' },
    });
  });

  it('accepts percent-encoded brackets and `a[]=` appends', () => {
    expect(plain(parseForm('types%5B%5D=a&types%5B%5D=b&x%5By%5D=1'))).toEqual({ types: { '0': 'a', '1': 'b' }, x: { y: '1' } });
  });

  it('round-trips what encodeForm (the SDK shape) writes, including empty values', () => {
    const data = { a: { b: ['x', 'y'], c: '' }, n: 5, e: null };
    expect(plain(parseForm(encodeForm(data)))).toEqual({ a: { b: { '0': 'x', '1': 'y' }, c: '' }, n: '5', e: '' });
  });

  it('refuses a key that is both a value and a hash', () => {
    expect(() => parseForm('a=1&a[b]=2')).toThrow(StripeFakeError);
  });

  it('keeps __proto__ an ordinary key', () => {
    const form = parseForm('metadata[__proto__]=x');
    expect(Object.keys(form.metadata as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('canonicalParams ignores key order', () => {
    expect(canonicalParams(parseForm('a=1&b[c]=2&b[d]=3'))).toBe(canonicalParams(parseForm('b[d]=3&a=1&b[c]=2')));
    expect(canonicalParams(parseForm('a=1'))).not.toBe(canonicalParams(parseForm('a=2')));
  });
});

describe('Params', () => {
  it('names nested parameters the way Stripe reports them', () => {
    const p = new Params(parseForm('line_items[0][quantity]=x'));
    const item = p.objectArray('line_items')?.[0];
    expect(() => item?.int('quantity')).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ code: 'parameter_invalid_integer', param: 'line_items[0][quantity]' }) }),
    );
    expect(() => new Params(parseForm('foo=1')).allowOnly(['bar'])).toThrow(
      expect.objectContaining({ message: 'Received unknown parameter: foo', fields: expect.objectContaining({ code: 'parameter_unknown' }) }),
    );
  });

  it('validates metadata and applies updates as Stripe does', () => {
    expect(() => new Params(parseForm(`metadata[k]=${'x'.repeat(501)}`)).metadata()).toThrow(/up to 500 characters/);
    const update = new Params(parseForm('metadata[a]=&metadata[c]=3')).metadata();
    expect(applyMetadata({ a: '1', b: '2' }, update)).toEqual({ b: '2', c: '3' });
    expect(applyMetadata({ a: '1' }, new Params(parseForm('metadata=')).metadata())).toEqual({});
  });
});
