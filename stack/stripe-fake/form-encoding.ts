// Stripe's v1 API takes application/x-www-form-urlencoded bodies and query strings with Rack-style
// nesting: `a[b][c]=1`, arrays as `a[0]=x` (what stripe-node sends) or `a[]=x` (what curl users
// write). Arrays stay objects with index keys here and the parameter readers turn them into arrays
// where an endpoint expects one, because `metadata[0]=x` is a hash key, not a list index.
import { invalidRequest } from './errors.ts';

export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** A null-prototype object, so a key such as `__proto__` stays an ordinary key. */
export const emptyForm = (): FormObject => Object.create(null) as FormObject;

function keyPath(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const segments = [name.slice(0, open)];
  const rest = name.slice(open);
  const re = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== consumed) return [name];
    segments.push(m[1] ?? '');
    consumed = re.lastIndex;
  }
  return consumed === rest.length ? segments : [name];
}

function assign(root: FormObject, name: string, value: string): void {
  const path = keyPath(name);
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] ?? '';
    // `a[]=x`: append at the next index, as Rack does.
    if (key === '' && i > 0) key = String(Object.keys(node).length);
    const last = i === path.length - 1;
    if (last) {
      if (typeof node[key] === 'object') throw invalidRequest(`Invalid value for ${name}: it is both a value and a hash.`, { param: name });
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next === 'string') throw invalidRequest(`Invalid value for ${name}: it is both a value and a hash.`, { param: name });
    if (next === undefined) {
      const child = emptyForm();
      node[key] = child;
      node = child;
    } else {
      node = next;
    }
  }
}

/** Parses a form-encoded body or a query string (without the leading `?`). */
export function parseForm(text: string): FormObject {
  const root = emptyForm();
  for (const [name, value] of new URLSearchParams(text)) {
    if (name === '') continue;
    assign(root, name, value);
  }
  return root;
}

/** The same nested shape stripe-node produces, for tests and for callers that send forms themselves. */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const enc = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value === null ? '' : String(value))}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => enc(`${key}[${i}]`, v));
    } else {
      for (const [k, v] of Object.entries(value)) enc(`${key}[${k}]`, v);
    }
  };
  for (const [k, v] of Object.entries(data)) enc(k, v);
  return pairs.join('&');
}

/** A canonical string of parsed parameters, so an idempotent replay can tell "same request" from "other request". */
export function canonicalParams(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k] as FormValue)}`).join(',')}}`;
}
