// The referring expert's side of an accepted referral lead. They own the lead but do not pay: the
// client does, through a one-time link the referrer creates here and sends on. Then they follow the
// job (paid, marked done, confirmed); their referral fee lands in their wallet like any share. A
// refund of the client's payment takes back the fee in proportion, so they see the refunds too.
import { Link } from '@tanstack/react-router';
import { Suspense, useId, useRef, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { Lead, Payable } from '../../data/leads/lead-types.ts';
import { payLinkUrl, useCreatePayLinkMutation } from '../../data/payments/create-pay-link-mutation.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { RefundList } from './refund-list.tsx';

export function ReferrerProgress({ lead, payable, performerName }: { lead: Lead; payable: Payable; performerName: string }) {
  const t = useT();
  return (
    <div className="job-progress" data-testid="referrer-progress">
      {payable.status === 'due' ? <PayLinkPanel payable={payable} /> : null}
      {payable.status === 'refunded' ? (
        <p className="job-state" data-testid="completion-state">
          {t('referrer.refunded')}
        </p>
      ) : null}
      {payable.status === 'paid' || payable.status === 'completed' ? (
        <p className="job-state" data-testid="completion-state">
          {lead.status === 'done'
            ? t('referrer.done', { name: performerName })
            : lead.status === 'completed' || payable.status === 'completed'
              ? t('referrer.completed')
              : t('referrer.paid', { name: performerName })}
        </p>
      ) : null}
      {payable.status === 'completed' ? (
        <p>
          <Link to="/wallet">{t('progress.toWallet')}</Link>
        </p>
      ) : null}
      {payable.status !== 'due' && payable.status !== 'cancelled' ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <RefundList payableId={payable.id} viewer="party" />
        </Suspense>
      ) : null}
    </div>
  );
}

/** Create the link, shown once with a Copy button; creating another replaces it until the client opens one. */
function PayLinkPanel({ payable }: { payable: Payable }) {
  const t = useT();
  const id = useId();
  const create = useCreatePayLinkMutation(payable.id);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = create.data ? payLinkUrl(window.location.origin, create.data) : null;
  const error = create.isError ? databaseErrorMessage(create.error) : null;

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission: select the link so the user can copy it themselves.
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section className="pay-link-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('payLink.heading')}</h3>
      <p>{t('payLink.intro')}</p>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      {link ? (
        <div className="pay-link" data-testid="pay-link">
          <label htmlFor={`${id}-link`}>{t('payLink.label')}</label>
          <div className="pay-link-row">
            <input id={`${id}-link`} ref={inputRef} type="text" readOnly value={link} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
            <button type="button" className="button" onClick={() => void copy()}>
              {t('payLink.copy')}
            </button>
          </div>
          <p className="muted" role="status">
            {copied === 'yes' ? t('payLink.copied') : copied === 'failed' ? t('payLink.copyYourself') : null}
          </p>
          <p className="muted">{t('payLink.shownOnce')}</p>
        </div>
      ) : null}
      <div>
        <button
          type="button"
          className={link ? 'button' : 'button button-primary'}
          disabled={create.isPending}
          aria-busy={create.isPending}
          onClick={() => {
            setCopied(null);
            create.mutate();
          }}
        >
          {create.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {create.isPending ? t('payLink.creating') : link ? t('payLink.replace') : t('payLink.create')}
        </button>
      </div>
      {link ? <p className="muted">{t('payLink.replaceNote')}</p> : null}
    </section>
  );
}
