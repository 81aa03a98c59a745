// After the runs, the database's own account of what the deliveries did: each run's settled answers
// must match the payments that became paid and their ledger postings, and the whole ledger must
// balance. Throughput that breaks exactly-once is no throughput.
import pg from 'pg';
import { withClient } from '../stack/postgres.ts';

export interface RunCheck {
  /** Of the run's payments: how many are paid, and how many of those have exactly one 'payment:<id>' transaction. */
  paid: number;
  paidWithOneTransaction: number;
  /** The run's events in the inbox, and how many of them settled a payment. */
  eventsRecorded: number;
  eventsSettled: number;
}

export interface LedgerCheck {
  /** Payments settled by more than one event, or paid without exactly one payment transaction. */
  appliedTwice: number;
  paidWithoutOneTransaction: number;
  unbalancedTransactions: number;
  currenciesNotSummingToZero: number;
  /** Stripe clearing holds exactly what the paid payments brought in (no processing fees in these events). */
  clearingMatchesPaid: boolean;
  paymentTransactions: number;
  entries: number;
}

export function checkRun(url: string, paymentIds: string[], eventPrefix: string): Promise<RunCheck> {
  return withClient(url, async (c) => {
    const payments = await c.query<{ paid: number; one: number }>(
      `select count(*) filter (where p.status = 'paid')::int as paid,
              count(*) filter (where p.status = 'paid'
                                 and (select count(*) from private.ledger_transactions t where t.idempotency_key = 'payment:' || p.id) = 1)::int as one
         from private.payments p where p.id = any ($1::uuid[])`,
      [paymentIds],
    );
    const events = await c.query<{ recorded: number; settled: number }>(
      `select count(*)::int as recorded, count(*) filter (where e.note = 'settled')::int as settled
         from private.stripe_events e where starts_with(e.id, $1)`,
      [`evt_${eventPrefix}`],
    );
    return {
      paid: payments.rows[0]!.paid,
      paidWithOneTransaction: payments.rows[0]!.one,
      eventsRecorded: events.rows[0]!.recorded,
      eventsSettled: events.rows[0]!.settled,
    };
  });
}

export function checkLedger(url: string): Promise<LedgerCheck> {
  return withClient(url, async (c: pg.Client) => {
    const { rows } = await c.query<LedgerCheck>(
      `select
         (select count(*) from (select 1 from private.stripe_events e where e.note = 'settled'
                                 group by e.payload -> 'data' -> 'object' -> 'metadata' ->> 'payment_id' having count(*) > 1) x)::int
           as "appliedTwice",
         (select count(*) from private.payments p where p.status = 'paid'
             and (select count(*) from private.ledger_transactions t where t.idempotency_key = 'payment:' || p.id) <> 1)::int
           as "paidWithoutOneTransaction",
         (select count(*) from (select 1 from private.ledger_entries e group by e.transaction_id, e.currency having sum(e.amount_cents) <> 0) x)::int
           as "unbalancedTransactions",
         (select count(*) from (select 1 from private.ledger_entries e group by e.currency having sum(e.amount_cents) <> 0) x)::int
           as "currenciesNotSummingToZero",
         (select coalesce(sum(e.amount_cents), 0) from private.ledger_entries e
            join private.ledger_accounts a on a.id = e.account_id where a.purpose = 'stripe_clearing')
           = (select coalesce(sum(p.amount_cents), 0) from private.payments p where p.status = 'paid')
           as "clearingMatchesPaid",
         (select count(*) from private.ledger_transactions t where t.kind = 'payment')::int as "paymentTransactions",
         (select count(*) from private.ledger_entries)::int as entries`,
    );
    return rows[0]!;
  });
}
