// Typed readers over a parsed form, raising the errors Stripe raises (parameter_missing,
// parameter_unknown, parameter_invalid_integer, ...) with Stripe's bracketed parameter names, so a
// typo in product code fails here the way it would fail against the real API.
import { invalidRequest, missingParam, unknownParam, unsupportedParam } from './errors.ts';
import { emptyForm, type FormObject, type FormValue } from './form-encoding.ts';

export type Metadata = Record<string, string>;

const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY = 40;
const MAX_METADATA_VALUE = 500;

export class Params {
  constructor(
    readonly raw: FormObject = emptyForm(),
    private readonly prefix = '',
  ) {}

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** Every parameter must be one the endpoint knows, as in Stripe (`Received unknown parameter`). */
  allowOnly(allowed: readonly string[]): this {
    for (const key of Object.keys(this.raw)) if (!allowed.includes(key)) throw unknownParam(this.name(key));
    return this;
  }

  /** Real Stripe parameters the fake does not model. */
  refuse(keys: readonly string[], detail?: string): this {
    for (const key of keys) if (this.has(key)) throw unsupportedParam(this.name(key), detail);
    return this;
  }

  private scalar(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${this.name(key)} must be a string, not a hash.`, { param: this.name(key) });
    return v;
  }

  string(key: string, opts: { max?: number } = {}): string | undefined {
    const v = this.scalar(key);
    if (v !== undefined && opts.max !== undefined && v.length > opts.max) {
      throw invalidRequest(`Invalid string: ${this.name(key)} must be at most ${opts.max} characters long.`, { param: this.name(key) });
    }
    return v;
  }

  requiredString(key: string, opts: { max?: number } = {}): string {
    const v = this.string(key, opts);
    if (v === undefined || v === '') throw missingParam(this.name(key));
    return v;
  }

  /** An absolute http(s) URL; `{CHECKOUT_SESSION_ID}` is kept literally, as Stripe fills it in on redirect. */
  url(key: string): string | undefined {
    const value = this.string(key, { max: 5000 });
    if (value === undefined) return undefined;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(value.replace(/\{CHECKOUT_SESSION_ID\}/g, 'x')).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw invalidRequest('Not a valid URL', { code: 'url_invalid', param: this.name(key) });
    return value;
  }

  int(key: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.scalar(key);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw invalidRequest(`Invalid integer: ${v}`, { code: 'parameter_invalid_integer', param: this.name(key) });
    }
    const n = Number(v);
    if (opts.min !== undefined && n < opts.min) {
      throw invalidRequest(`This value must be greater than or equal to ${opts.min}.`, { param: this.name(key) });
    }
    if (opts.max !== undefined && n > opts.max) {
      throw invalidRequest(`This value must be less than or equal to ${opts.max}.`, { param: this.name(key) });
    }
    return n;
  }

  requiredInt(key: string, opts: { min?: number; max?: number } = {}): number {
    const v = this.int(key, opts);
    if (v === undefined) throw missingParam(this.name(key));
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.scalar(key);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw invalidRequest(`Invalid boolean: ${v}`, { param: this.name(key) });
    return v === 'true';
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const v = this.scalar(key);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) {
      throw invalidRequest(`Invalid ${this.name(key)}: must be one of ${values.join(', ')}`, { param: this.name(key) });
    }
    return v as T;
  }

  currency(key: string): string | undefined {
    const v = this.scalar(key);
    if (v === undefined) return undefined;
    if (!/^[a-zA-Z]{3}$/.test(v)) throw invalidRequest(`Invalid currency: ${v}.`, { param: this.name(key) });
    return v.toLowerCase();
  }

  requiredCurrency(key: string): string {
    const v = this.currency(key);
    if (v === undefined) throw missingParam(this.name(key));
    return v;
  }

  object(key: string): Params | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      // `key=` is how a form says "empty hash"; anything else is a scalar where a hash belongs.
      if (v === '') return new Params(emptyForm(), this.name(key));
      throw invalidRequest(`Invalid object: ${this.name(key)} must be a hash.`, { param: this.name(key) });
    }
    return new Params(v, this.name(key));
  }

  private indexed(key: string): [string, FormValue][] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return v === '' ? [] : undefined;
    if (typeof v === 'string') throw invalidRequest(`Invalid array: ${this.name(key)} must be an array.`, { param: this.name(key) });
    const entries = Object.entries(v);
    for (const [k] of entries) {
      if (!/^\d+$/.test(k)) throw invalidRequest(`Invalid array: ${this.name(key)} must be an array.`, { param: this.name(key) });
    }
    return entries.sort(([a], [b]) => Number(a) - Number(b));
  }

  objectArray(key: string): Params[] | undefined {
    return this.indexed(key)?.map(([i, v]) => {
      if (typeof v === 'string')
        throw invalidRequest(`Invalid object: ${this.name(key)}[${i}] must be a hash.`, { param: `${this.name(key)}[${i}]` });
      return new Params(v, `${this.name(key)}[${i}]`);
    });
  }

  stringArray(key: string): string[] | undefined {
    return this.indexed(key)?.map(([i, v]) => {
      if (typeof v !== 'string')
        throw invalidRequest(`Invalid string: ${this.name(key)}[${i}] must be a string.`, { param: `${this.name(key)}[${i}]` });
      return v;
    });
  }

  /** `expand[]`: dotted paths of id fields to replace with their objects. */
  expand(): string[] {
    return this.stringArray('expand') ?? [];
  }

  /**
   * Metadata as Stripe validates it. `metadata=` (empty) means "clear all" on update, and a key set
   * to '' means "remove this key"; both come back as they were sent for applyMetadata to interpret.
   */
  metadata(key = 'metadata'): Metadata | '' | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (v === '') return '';
    if (typeof v === 'string') throw invalidRequest(`Invalid object: ${this.name(key)} must be a hash.`, { param: this.name(key) });
    const out: Metadata = {};
    const entries = Object.entries(v);
    if (entries.length > MAX_METADATA_KEYS) {
      throw invalidRequest(`Invalid ${this.name(key)}: metadata can have up to ${MAX_METADATA_KEYS} keys.`, { param: this.name(key) });
    }
    for (const [k, value] of entries) {
      const param = `${this.name(key)}[${k}]`;
      if (typeof value !== 'string') throw invalidRequest(`Invalid value for ${param}: metadata values must be strings.`, { param });
      if (k.length > MAX_METADATA_KEY) {
        throw invalidRequest(`Metadata keys can have up to ${MAX_METADATA_KEY} characters, but you passed in a key that is ${k.length} characters.`, {
          param,
        });
      }
      if (value.length > MAX_METADATA_VALUE) {
        throw invalidRequest(
          `Metadata values can have up to ${MAX_METADATA_VALUE} characters, but you passed in a value that is ${value.length} characters.`,
          { param },
        );
      }
      out[k] = value;
    }
    return out;
  }
}

/** Applies a metadata update the way Stripe does: '' clears everything, a key set to '' is removed. */
export function applyMetadata(current: Metadata, update: Metadata | '' | undefined): Metadata {
  if (update === undefined) return current;
  if (update === '') return {};
  const next: Metadata = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}
