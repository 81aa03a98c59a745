// Where one apply_stripe_event call spends its time: calls on fresh payments, in a transaction that is
// rolled back, with auto_explain logging every statement the PL/pgSQL inside runs. The slowest
// statements, with the rows their scans read and threw away, point at what to fix in SQL.
import pg from 'pg';
import { paidEvent, type PaymentToSettle } from './webhook-events.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

export interface StatementTiming {
  ms: number;
  query: string;
  /** Scans that read a table, with rows returned and thrown away: where a missing index shows. */
  scans: string[];
}

function scans(node: PlanNode): string[] {
  const own =
    node['Node Type'].includes('Scan') && node['Relation Name'] !== undefined && (node['Actual Loops'] ?? 1) > 0
      ? [
          `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}: ` +
            `${node['Actual Rows'] ?? 0} rows${node['Rows Removed by Filter'] ? `, ${node['Rows Removed by Filter'].toLocaleString('en-US')} filtered out` : ''}`,
        ]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

export interface CallTiming {
  ms: number;
  /** Slowest first; a statement that calls a function includes the statements inside it. */
  statements: StatementTiming[];
}

/**
 * The last of `payments.length` calls in one session, so PL/pgSQL's plans are cached as in a pooled
 * connection. Needs the superuser, to LOAD auto_explain; the calls run as service_role, as the webhook's do.
 */
export async function callTiming(superuserUrl: string, payments: PaymentToSettle[]): Promise<CallTiming> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  let call: CallTiming = { ms: 0, statements: [] };
  client.on('notice', (notice) => {
    const text = notice.message ?? '';
    const json = text.indexOf('{');
    if (json < 0) return;
    const entry = JSON.parse(text.slice(json)) as { 'Query Text': string; Plan: PlanNode & { 'Actual Total Time'?: number } };
    const query = entry['Query Text'].replace(/\s+/g, ' ').trim();
    const ms = entry.Plan['Actual Total Time'] ?? 0;
    // The call itself (logged last, as the outermost statement) and the public wrapper around it.
    if (/apply_stripe_event\(/.test(query)) call.ms = Math.max(call.ms, ms);
    else call.statements.push({ ms, query, scans: scans(entry.Plan) });
  });
  try {
    await client.query(`load 'auto_explain'`);
    for (const setting of ['log_min_duration = 0', 'log_analyze = on', 'log_nested_statements = on', 'log_format = json', 'log_level = notice'])
      await client.query(`set auto_explain.${setting}`);
    await client.query('set client_min_messages = notice');
    await client.query('begin');
    await client.query('set local role service_role');
    for (const [i, payment] of payments.entries()) {
      call = { ms: 0, statements: [] };
      const event = paidEvent(`evt_explain_${i}_${Date.now()}`, payment, Math.floor(Date.now() / 1000));
      await client.query('select public.apply_stripe_event($1::jsonb)', [JSON.stringify(event)]);
    }
    await client.query('rollback');
  } finally {
    await client.end();
  }
  call.statements.sort((a, b) => b.ms - a.ms);
  return call;
}
