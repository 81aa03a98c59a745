// The runner from an empty data folder: every part answers through the gateway, and a restart
// on the same folder keeps the data. Uses its own ports and folder, beside the test stack.
import { rmSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_RATE_LIMITS } from '../../stack/auth/server.ts';
import { portsFrom, stackConfig } from '../../stack/config.ts';
import { DEMO_PASSWORD, demoUser } from '../../stack/demo-users.ts';
import { startStack } from '../../stack/stack.ts';

const config = stackConfig('test', { dataDir: `/tmp/guildhall-runner-test-${process.pid}`, ports: portsFrom(27321, 27173) });
const start = () => startStack(config, { web: false, rateLimits: TEST_RATE_LIMITS, log: () => {} });

afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

function client(publishableKey: string) {
  return createClient(config.apiUrl, publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

describe('the local stack runner', () => {
  it('starts cold, serves every part, seeds demo logins, and keeps data across a restart', async () => {
    let keptUserId: string | undefined;
    const first = await start();
    try {
      expect(first.freshDatabase).toBe(true);
      const key = first.keys.publishableKey;
      expect((await fetch(`${config.apiUrl}/rest/v1/`, { headers: { apikey: key } })).status).toBe(200);
      expect((await fetch(`${config.apiUrl}/auth/v1/health`, { headers: { apikey: key } })).status).toBe(200);
      // The function answers (and refuses an anonymous caller itself).
      expect((await fetch(`${config.apiUrl}/functions/v1/whoami`, { method: 'POST' })).status).toBe(401);
      const demo = await client(key).auth.signInWithPassword({ email: demoUser('customer').email, password: DEMO_PASSWORD });
      expect(demo.error).toBeNull();
      const signUp = await client(key).auth.signUp({ email: 'kept@example.test', password: 'kept-password-1' });
      expect(signUp.error).toBeNull();
      keptUserId = signUp.data.user?.id;
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      expect(second.freshDatabase).toBe(false);
      expect(second.keys.publishableKey).toBe(first.keys.publishableKey);
      const again = await client(second.keys.publishableKey).auth.signInWithPassword({ email: 'kept@example.test', password: 'kept-password-1' });
      expect(again.error).toBeNull();
      expect(again.data.user?.id).toBe(keptUserId);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('refuses to start a second time on a port that is taken, naming it', async () => {
    const running = await start();
    try {
      await expect(start()).rejects.toThrow(/already running|already in use/);
    } finally {
      await running.stop();
    }
  }, 60_000);
});
