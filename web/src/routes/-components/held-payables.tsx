// Completed jobs still on hold, newest first, each with "Release the hold now" for an admin
// (release_hold_early, audited): the experts' shares become available at once instead of after the
// hold. A job frozen by a dispute or chargeback is refused by the database, and the row says so.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { completedPayablesQueryOptions, type CompletedPayable } from '../../data/money/completed-payables-query.ts';
import { useReleaseHoldMutation } from '../../data/money/release-hold-mutation.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { ConfirmAction } from './confirm-action.tsx';

export function HeldPayables() {
  const t = useT();
  const { data: payables } = useSuspenseQuery(completedPayablesQueryOptions());
  return (
    <section className="card" aria-labelledby="holds-heading">
      <h2 id="holds-heading">{t('money.holdsHeading')}</h2>
      <p className="muted">{t('money.holdsIntro')}</p>
      {payables.length === 0 ? (
        <p className="muted">{t('money.holdsEmpty')}</p>
      ) : (
        <ul className="card-list" data-testid="completed-payables">
          {payables.map((payable) => (
            <li key={payable.id}>
              <HeldPayableCard payable={payable} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HeldPayableCard({ payable }: { payable: CompletedPayable }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const release = useReleaseHoldMutation();
  const error = release.isError ? databaseErrorMessage(release.error) : null;
  const title = payable.lead?.title ?? t('money.untitledJob');
  return (
    <article className="held-payable" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {payable.lead ? (
          <Link to="/jobs/$leadId" params={{ leadId: payable.lead.id }}>
            <bdi>{title}</bdi>
          </Link>
        ) : (
          title
        )}
      </h3>
      <p className="held-payable-meta muted">
        {formatMinorAmount(payable.amount_cents, payable.currency, locale)}
        {payable.performer ? (
          <>
            {' · '}
            <bdi>{payable.performer.display_name}</bdi>
          </>
        ) : null}
      </p>
      {release.isSuccess ? <FormNotice>{t('money.released')}</FormNotice> : null}
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      {release.isSuccess ? null : (
        <ConfirmAction
          label={t('money.release')}
          question={t('money.releaseQuestion', { title })}
          confirmLabel={t('money.releaseYes')}
          keepLabel={t('money.releaseKeep')}
          pending={release.isPending}
          pendingLabel={t('money.releasing')}
          onConfirm={() => release.mutate(payable.id)}
        />
      )}
    </article>
  );
}
