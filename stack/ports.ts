// A port already taken is the most common reason a local stack fails to start; say which part
// needs it and what to do, before anything is started.
import net from 'node:net';
import type { StackConfig, StackPorts } from './config.ts';

export function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export class PortInUseError extends Error {}

export async function assertPortsFree(config: StackConfig, parts: (keyof StackPorts)[]): Promise<void> {
  const busy: string[] = [];
  for (const part of parts) {
    if (!(await portFree(config.ports[part], config.host))) busy.push(`${config.ports[part]} (${part})`);
  }
  if (busy.length === 0) return;
  const hint = {
    dev: 'Is `npm start` (or `supabase start`) already running? Stop it, or free the port.',
    test: 'Is another `npm test` running? Let it finish, or free the port.',
    bench: 'Is another `npm run bench` running? Let it finish, or free the port.',
  }[config.profile];
  throw new PortInUseError(
    `Port${busy.length > 1 ? 's' : ''} already in use: ${busy.join(', ')}. ${hint}\n  Find the process with: ss -ltnp | grep -E '${busy.map((b) => b.split(' ')[0]).join('|')}'`,
  );
}
