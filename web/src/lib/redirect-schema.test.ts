import { describe, expect, it } from 'vitest';
import { authSearchSchema } from './redirect-schema.ts';

describe('auth search schema', () => {
  it('keeps same-site paths, with their own search and hash', () => {
    expect(authSearchSchema.parse({ redirect: '/account?tab=profile#top' })).toEqual({
      redirect: '/account?tab=profile#top',
    });
  });

  it('is fine without a redirect', () => {
    expect(authSearchSchema.parse({})).toEqual({});
  });

  it.each(['https://evil.example', '//evil.example/path', '/\\evil.example', 'account', 42])(
    'drops %s instead of redirecting off-site or failing the page',
    (redirect) => {
      expect(authSearchSchema.parse({ redirect }).redirect).toBeUndefined();
    },
  );
});
