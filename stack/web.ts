// The web app: Vite's dev server for the SPA in web/, pointed at the gateway with the publishable key.
import { join } from 'node:path';
import type { StackConfig } from './config.ts';
import type { StackKeys } from './keys.ts';
import type { ServiceSpec } from './supervisor.ts';

export function webEnv(config: StackConfig, keys: StackKeys): Record<string, string> {
  return { VITE_SUPABASE_URL: config.apiUrl, VITE_SUPABASE_PUBLISHABLE_KEY: keys.publishableKey };
}

export function webService(config: StackConfig, keys: StackKeys): ServiceSpec {
  return {
    name: 'web',
    command: process.execPath,
    args: [
      join(config.rootDir, 'node_modules/vite/bin/vite.js'),
      '--config',
      join(config.rootDir, 'web/vite.config.ts'),
      '--host',
      config.host,
      '--port',
      String(config.ports.web),
      '--strictPort',
      '--clearScreen',
      'false',
    ],
    cwd: config.rootDir,
    env: webEnv(config, keys),
  };
}
