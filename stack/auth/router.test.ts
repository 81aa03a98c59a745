import { describe, expect, it } from 'vitest';
import { generateKeys } from '../keys.ts';
import { matchRoute, routes } from './router.ts';

describe('routes', async () => {
  const table = routes(await generateKeys());

  it('match methods and paths, with params', () => {
    expect(matchRoute(table, 'POST', '/signup')).toMatchObject({ params: {} });
    expect(matchRoute(table, 'GET', '/admin/users/abc')).toMatchObject({ params: { id: 'abc' } });
    expect(matchRoute(table, 'HEAD', '/health')).toBeTypeOf('object');
    expect(matchRoute(table, 'GET', '/.well-known/jwks.json')).toBeTypeOf('object');
  });

  it('tell an unknown path from a wrong method', () => {
    expect(matchRoute(table, 'GET', '/nope')).toBeUndefined();
    expect(matchRoute(table, 'DELETE', '/signup')).toBe('method_not_allowed');
    expect(matchRoute(table, 'GET', '/admin/users/a/b')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/.well-known/jwksXjson')).toBeUndefined();
  });
});
