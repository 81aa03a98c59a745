// The button that shows a lead's client contact details, for the owner or the winning expert. Each
// click is one logged reveal_lead_contact call; the answer is shown here and kept nowhere else. A
// refusal (42501: the grant was revoked when the lead was cancelled) says the details are no longer
// available, in words, rather than a generic error.
import { useEffect, useId, useRef } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useRevealContactMutation } from '../../data/leads/reveal-contact-mutation.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';

interface ContactRevealProps {
  leadId: string;
  label: string;
  /** What a refusal means to this viewer. */
  refusedMessage: string;
}

function isRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501';
}

export function ContactReveal({ leadId, label, refusedMessage }: ContactRevealProps) {
  const t = useT();
  const id = useId();
  const reveal = useRevealContactMutation(leadId);
  const contact = reveal.data;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The button goes away once the details are shown: focus moves to them instead of being lost.
  useEffect(() => {
    if (contact) headingRef.current?.focus();
  }, [contact]);
  const error = reveal.isError
    ? isRefusal(reveal.error)
      ? refusedMessage
      : t(databaseErrorMessage(reveal.error).key, databaseErrorMessage(reveal.error).values)
    : null;

  return (
    <div className="contact-reveal">
      {contact ? null : (
        <button
          type="button"
          className="button button-primary"
          disabled={reveal.isPending}
          aria-busy={reveal.isPending}
          onClick={() => reveal.mutate()}
        >
          {reveal.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {reveal.isPending ? t('reveal.pending') : label}
        </button>
      )}
      <FormError>{error}</FormError>
      {contact ? (
        <section className="revealed-contact" aria-labelledby={`${id}-heading`} data-testid="revealed-contact">
          <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
            {t('reveal.heading')}
          </h3>
          <dl className="details">
            <dt>{t('contactField.name')}</dt>
            <dd data-testid="revealed-name">
              <bdi>{contact.client_name}</bdi>
            </dd>
            <dt>{t('contactField.phone')}</dt>
            <dd data-testid="revealed-phone">
              <a href={`tel:${contact.client_phone}`} dir="ltr">
                {contact.client_phone}
              </a>
            </dd>
            <dt>{t('contactField.email')}</dt>
            <dd data-testid="revealed-email">
              {contact.client_email ? (
                <a href={`mailto:${contact.client_email}`} dir="ltr">
                  {contact.client_email}
                </a>
              ) : (
                t('reveal.notGiven')
              )}
            </dd>
            <dt>{t('contactField.address')}</dt>
            <dd>{contact.client_address ? <bdi>{contact.client_address}</bdi> : t('reveal.notGiven')}</dd>
            <dt>{t('contactField.details')}</dt>
            <dd className="preserve-lines">{contact.details ? <bdi>{contact.details}</bdi> : t('reveal.notGiven')}</dd>
          </dl>
          <p className="muted">{t('reveal.logged')}</p>
        </section>
      ) : null}
    </div>
  );
}
