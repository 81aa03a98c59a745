// The lead board in the database alone, without HTTP: the same lead_board call many times in one
// statement, as `authenticated` (RLS) and as `service_role` (RLS bypassed), with the expert's claims
// set as PostgREST sets them. One connection per role, kept across rounds, because PostgREST's pooled
// connections keep PL/pgSQL's cached plans too (custom plans for five calls, then maybe a generic one).
import pg from 'pg';

export type BoardRole = 'authenticated' | 'service_role';

export interface SqlTiming {
  msPerCall: number;
  /** Shared buffers hit or read per call: the work the plan does, independent of the machine. */
  buffersPerCall: number;
}

interface ExplainNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Rows Removed by Filter'?: number;
  'Sort Method'?: string;
  'Recheck Cond'?: string;
  'Index Cond'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: ExplainNode[];
}

const claimsFor = (role: BoardRole, userId: string) => JSON.stringify({ sub: userId, role });

async function asRole<T>(client: pg.Client, role: BoardRole, userId: string, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [claimsFor(role, userId)]);
    await client.query(`set local role ${role}`);
    return await fn();
  } finally {
    await client.query('rollback');
  }
}

/** Named arguments as SQL, plus page_size tied to the loop row so every row calls the function again. */
function boardCall(args: Record<string, string | number>): string {
  const named = Object.entries(args).map(([k, v]) => `${k} => ${typeof v === 'number' ? v : pg.escapeLiteral(v)}`);
  return `public.lead_board(${[...named, 'page_size => 20 + 0 * g'].join(', ')})`;
}

class BoardTimer {
  private constructor(
    private readonly client: pg.Client,
    private readonly role: BoardRole,
    private readonly userId: string,
  ) {}

  static async open(url: string, role: BoardRole, userId: string): Promise<BoardTimer> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new BoardTimer(client, role, userId);
  }

  /** `iterations` calls in one statement; EXPLAIN ANALYZE times it in the database (no round trips). */
  async time(args: Record<string, string | number>, iterations: number): Promise<SqlTiming> {
    return asRole(this.client, this.role, this.userId, async () => {
      const { rows } = await this.client.query<{ 'QUERY PLAN': [{ 'Execution Time': number; Plan: ExplainNode }] }>(
        `explain (analyze, buffers, format json) select count(*) from generate_series(1, ${iterations}) g cross join lateral ${boardCall(args)}`,
      );
      const [explained] = rows[0]!['QUERY PLAN'];
      const buffers = (explained.Plan['Shared Hit Blocks'] ?? 0) + (explained.Plan['Shared Read Blocks'] ?? 0);
      return { msPerCall: explained['Execution Time'] / iterations, buffersPerCall: buffers / iterations };
    });
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/**
 * The same call as both roles, in alternating rounds of ~`roundMs` each, best round per role: the
 * work is deterministic, so the fastest round is the one other processes on the machine disturbed
 * least. A first round per role calibrates the call count and settles the plan cache.
 */
export async function compareInDatabase(
  url: string,
  userId: string,
  args: Record<string, string | number>,
  rounds: number,
  roundMs: number,
): Promise<Record<BoardRole, SqlTiming>> {
  const roles = ['service_role', 'authenticated'] as const;
  const timers = await Promise.all(roles.map((role) => BoardTimer.open(url, role, userId)));
  try {
    const calibration = await Promise.all(timers.map((t) => t.time(args, 10)));
    const iterations = Math.max(10, Math.min(5000, Math.round(roundMs / Math.max(...calibration.map((c) => c.msPerCall)))));
    const best: SqlTiming[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const t = await timers[i]!.time(args, iterations);
        if (!best[i] || t.msPerCall < best[i].msPerCall) best[i] = t;
      }
    }
    return { service_role: best[0]!, authenticated: best[1]! };
  } finally {
    await Promise.all(timers.map((t) => t.close()));
  }
}

/**
 * One line per plan node, indented, with what it touched: enough to see why a plan is fast or slow.
 * InitPlans (auth.uid() and the RLS helper functions, each run once per query) become one line.
 */
function planLines(node: ExplainNode, depth = 0): string[] {
  const on = `${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`;
  const cond = node['Index Cond'] ?? node['Recheck Cond'];
  const generic = cond && /ANY \(\$\d+\)/.test(cond) ? ' [generic plan]' : '';
  const loops = node['Actual Loops'] ?? 1;
  const rows = node['Actual Rows'] !== undefined ? ` rows=${node['Actual Rows']}${loops > 1 ? `×${loops}` : ''}` : '';
  const removed = node['Rows Removed by Filter'] ? ` (${node['Rows Removed by Filter']}${loops > 1 ? `×${loops}` : ''} filtered out)` : '';
  const sort = node['Sort Method'] ? ` (${node['Sort Method']})` : '';
  const time = depth === 0 ? ` ${node['Actual Total Time']?.toFixed(2)} ms` : '';
  const line = `${'  '.repeat(depth)}${node['Node Type']}${on}${sort}${rows}${removed}${generic}${time}`;
  const children = node.Plans ?? [];
  const initPlans = children.filter((c) => c['Parent Relationship'] === 'InitPlan');
  const ran = initPlans.filter((c) => (c['Actual Loops'] ?? 0) > 0);
  const initLine = initPlans.length
    ? [
        `${'  '.repeat(depth + 1)}${initPlans.length} InitPlans, ${ran.length} run: ${ran.reduce((ms, c) => ms + (c['Actual Total Time'] ?? 0), 0).toFixed(2)} ms`,
      ]
    : [];
  return [line, ...initLine, ...children.filter((c) => !initPlans.includes(c)).flatMap((child) => planLines(child, depth + 1))];
}

/**
 * The plan of the board query inside lead_board, as it runs once the connection's plan cache has
 * settled (the 8th call), from auto_explain. Needs the superuser, to LOAD the module.
 */
export async function boardPlan(superuserUrl: string, role: BoardRole, userId: string, args: Record<string, string | number>): Promise<string[]> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const plans: ExplainNode[] = [];
  client.on('notice', (notice) => {
    const text = notice.message ?? '';
    const json = text.slice(text.indexOf('{'));
    if (!text.includes('"Query Text": "select l.id')) return;
    plans.push((JSON.parse(json) as { Plan: ExplainNode }).Plan);
  });
  try {
    await client.query(`load 'auto_explain'`);
    for (const setting of ['log_min_duration = 0', 'log_analyze = on', 'log_nested_statements = on', 'log_format = json', 'log_level = notice'])
      await client.query(`set auto_explain.${setting}`);
    await client.query('set client_min_messages = notice');
    await asRole(client, role, userId, () => client.query(`select count(*) from generate_series(1, 8) g cross join lateral ${boardCall(args)}`));
  } finally {
    await client.end();
  }
  const last = plans.at(-1);
  return last ? planLines(last) : ['(no plan captured)'];
}
