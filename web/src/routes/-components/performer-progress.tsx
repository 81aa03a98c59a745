// The performing expert's side of an accepted job: wait for the payment; once it is paid (the money
// is in escrow) mark the work as done; then wait for the payer to confirm (or the 7 days after which
// it confirms itself); then the share waits out the hold in the wallet, unless it was released
// already (the hold ended, or an admin resolved a dispute).
import { Link } from '@tanstack/react-router';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { Lead, Payable } from '../../data/leads/lead-types.ts';
import { useMarkJobDoneMutation } from '../../data/payments/completion-mutations.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ConfirmAction } from './confirm-action.tsx';

export function PerformerProgress({ lead, payable }: { lead: Lead; payable: Pick<Payable, 'released_at'> }) {
  const t = useT();
  const markDone = useMarkJobDoneMutation(lead.id);
  const error = markDone.isError ? databaseErrorMessage(markDone.error) : null;
  const payer = lead.kind === 'referral' ? 'client' : 'customer';

  return (
    <section className="job-progress" aria-labelledby="performer-progress-heading" data-testid="performer-progress">
      <h3 id="performer-progress-heading">{t('progress.heading')}</h3>
      {lead.status === 'assigned' ? (
        <p className="job-state" data-testid="completion-state">
          {t(payer === 'client' ? 'performer.waitingForClientPayment' : 'performer.waitingForPayment')}
        </p>
      ) : null}
      {lead.status === 'paid' ? (
        <>
          <p className="job-state" data-testid="completion-state">
            {t(payer === 'client' ? 'performer.paidByClient' : 'performer.paid')}
          </p>
          <FormError>{error ? t(error.key, error.values) : null}</FormError>
          <ConfirmAction
            label={t('performer.markDone')}
            question={t(payer === 'client' ? 'performer.markDoneQuestionClient' : 'performer.markDoneQuestion')}
            confirmLabel={t('performer.markDoneYes')}
            keepLabel={t('performer.markDoneKeep')}
            pending={markDone.isPending}
            pendingLabel={t('performer.marking')}
            onConfirm={() => markDone.mutate()}
          />
        </>
      ) : null}
      {lead.status === 'done' ? (
        <p className="job-state" data-testid="completion-state">
          {t(payer === 'client' ? 'performer.doneWaitingClient' : 'performer.doneWaiting')}
        </p>
      ) : null}
      {lead.status === 'completed' ? (
        <>
          <p className="job-state" data-testid="completion-state">
            {payable.released_at ? t('performer.released') : t(payer === 'client' ? 'performer.completedClient' : 'performer.completed')}
          </p>
          <p>
            <Link to="/wallet">{t('progress.toWallet')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
