// BENCH_WEBHOOK_FUNCTIONS=<folder inside the checkout, laid out like supabase/functions>: a candidate
// version of the functions, served by a second functions server (the stack's own command and
// environment, pointed at that folder) with a second gateway in front, so the end-to-end and
// functions runs measure a fix before it replaces supabase/functions. The folder must be inside the
// checkout: the functions server may read nothing else.
import { resolve } from 'node:path';
import type { StackConfig } from '../stack/config.ts';
import { functionsProcess } from '../stack/functions/index.ts';
import { startGateway } from '../stack/gateway.ts';
import type { StackKeys } from '../stack/keys.ts';
import { httpOk, Supervisor } from '../stack/supervisor.ts';

export interface CandidateFunctions {
  /** Where the runs deliver: through the candidate's gateway, and straight to its functions server. */
  gatewayUrl: string;
  functionsUrl: string;
  stop(): Promise<void>;
}

export async function startCandidateFunctions(config: StackConfig, keys: StackKeys, dir: string): Promise<CandidateFunctions> {
  // Past the stack's own ports (the local Stripe, the last of them, is gateway + 14).
  const functionsPort = config.ports.gateway + 20;
  const gatewayPort = config.ports.gateway + 21;
  const spec = functionsProcess(config, keys);
  const supervisor = new Supervisor(config.logDir);
  const server = supervisor.start({
    ...spec,
    name: 'functions-candidate',
    env: { ...spec.env, GUILDHALL_FUNCTIONS_DIR: resolve(dir), GUILDHALL_FUNCTIONS_PORT: String(functionsPort) },
  });
  try {
    await supervisor.waitReady(server, () => httpOk(`http://${config.host}:${functionsPort}/_health`));
    // The functions still call the stack's own gateway (SUPABASE_URL), as the real ones do.
    const gateway = await startGateway({
      host: config.host,
      port: gatewayPort,
      keys,
      issuer: `${config.apiUrl}/auth/v1`,
      upstreams: { rest: config.ports.postgrest, auth: config.ports.auth, functions: functionsPort },
    });
    return {
      gatewayUrl: `http://${config.host}:${gatewayPort}/functions/v1/stripe-webhook`,
      functionsUrl: `http://${config.host}:${functionsPort}/stripe-webhook`,
      stop: async () => {
        await gateway.close();
        await supervisor.stopAll();
      },
    };
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}
