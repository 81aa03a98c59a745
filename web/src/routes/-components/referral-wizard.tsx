// An approved expert posts a referral lead in four steps: the job, the client, the commission terms
// (with a live quote) and where to publish it. Each step checks its own fields before moving on, and
// keeps what was typed when going back. Publishing calls create_lead (kind referral) and opens the
// new lead's page, where the expert can invite peers.
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useCreateLeadMutation } from '../../data/leads/create-lead-mutation.ts';
import type { FeePolicy } from '../../data/leads/fee-policy-query.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { validate } from '../../forms/field-errors.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { clientContactSchema, parseSharePercent, referralBasicsSchema, referralPublishSchema, referralTermsSchema } from '../../forms/lead-schema.ts';
import { RadioGroup, RadioOption } from '../../forms/radio-group.tsx';
import { SelectField } from '../../forms/select-field.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { CategoryOptions, CityOptions } from './category-options.tsx';
import { CurrencyOptions } from './currency-options.tsx';
import { formatPercent } from './lead-badges.tsx';
import { SplitQuote } from './split-quote.tsx';

const STEPS: readonly MessageKey[] = ['referralForm.stepBasics', 'referralForm.stepClient', 'referralForm.stepTerms', 'referralForm.stepPublish'];

export function ReferralWizard({ policy }: { policy: FeePolicy }) {
  const t = useT();
  const names = useReferenceNames();
  const navigate = useNavigate();
  const createLead = useCreateLeadMutation();
  const [step, setStep] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const termsSchema = useMemo(() => referralTermsSchema(policy.referrer_share_max_percent), [policy.referrer_share_max_percent]);
  const basics = useZodForm(referralBasicsSchema, { title: '', summary: '', details: '', category: '', city: '', budget: '', currency: 'ILS' });
  const client = useZodForm(clientContactSchema, { clientName: '', clientPhone: '', clientEmail: '', clientAddress: '' });
  const terms = useZodForm(termsSchema, { share: '' });
  const publish = useZodForm(referralPublishSchema, { visibility: 'board' });

  // A new step gets focus on its heading, so screen readers announce where the user is.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
    moved.current = true;
  }, [step]);

  const parsedBasics = validate(referralBasicsSchema, basics.values);
  const error = createLead.isError ? databaseErrorMessage(createLead.error) : null;

  const submit = () => {
    const parts = [
      validate(referralBasicsSchema, basics.values),
      validate(clientContactSchema, client.values),
      validate(termsSchema, terms.values),
    ] as const;
    const [b, c, s] = parts;
    // Each step was checked on the way; should one have become invalid, go back to it.
    if (!b.ok) return setStep(0);
    if (!c.ok) return setStep(1);
    if (!s.ok) return setStep(2);
    createLead.mutate(
      {
        ...b.data,
        ...c.data,
        kind: 'referral',
        sharePercent: s.data.share,
        visibility: publish.values.visibility === 'private' ? 'private' : 'board',
      },
      { onSuccess: (leadId) => void navigate({ to: '/jobs/$leadId', params: { leadId }, search: { posted: true } }) },
    );
  };

  const stepHeading = (
    <h2 ref={headingRef} tabIndex={-1} className="step-heading">
      {t('referralForm.stepOf', { step: step + 1, total: STEPS.length, name: t(STEPS[step]!) })}
    </h2>
  );
  const back = step > 0 ? () => setStep(step - 1) : undefined;

  return (
    <div className="wizard">
      <ol className="steps" aria-label={t('referralForm.progress')}>
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === step ? 'step' : undefined} className={index < step ? 'step-done' : undefined}>
            {t(name)}
          </li>
        ))}
      </ol>

      {step === 0 ? (
        <form noValidate onSubmit={basics.handleSubmit(() => setStep(1))}>
          {stepHeading}
          <p className="section-note">{t('referralForm.basicsNote')}</p>
          <TextField label={t('field.jobTitle')} hint={t('field.jobTitleHint')} binding={basics.field('title')} />
          <TextareaField label={t('field.jobSummary')} hint={t('field.jobSummaryHint')} binding={basics.field('summary')} rows={4} />
          <TextareaField label={t('field.jobDetails')} hint={t('referralForm.detailsHint')} binding={basics.field('details')} rows={4} />
          <SelectField label={t('field.category')} binding={basics.field('category')}>
            <option value="">{t('field.chooseCategory')}</option>
            <CategoryOptions />
          </SelectField>
          <SelectField label={t('field.jobCity')} binding={basics.field('city')}>
            <option value="">{t('field.chooseCity')}</option>
            <CityOptions />
          </SelectField>
          <div className="field-row">
            <TextField label={t('field.budget')} hint={t('referralForm.budgetHint')} inputMode="decimal" binding={basics.field('budget')} />
            <SelectField label={t('field.currency')} binding={basics.field('currency')}>
              <CurrencyOptions />
            </SelectField>
          </div>
          <WizardButtons next={t('referralForm.next')} />
        </form>
      ) : null}

      {step === 1 ? (
        <form noValidate onSubmit={client.handleSubmit(() => setStep(2))}>
          {stepHeading}
          <p className="section-note">{t('referralForm.clientNote')}</p>
          <TextField label={t('field.clientName')} binding={client.field('clientName')} />
          <TextField label={t('field.clientPhone')} hint={t('field.phoneHint')} type="tel" binding={client.field('clientPhone')} />
          <TextField label={t('field.clientEmail')} hint={t('field.optional')} type="email" binding={client.field('clientEmail')} />
          <TextField label={t('field.clientAddress')} hint={t('field.addressHint')} binding={client.field('clientAddress')} />
          <WizardButtons back={back} next={t('referralForm.next')} />
        </form>
      ) : null}

      {step === 2 && parsedBasics.ok ? (
        <form noValidate onSubmit={terms.handleSubmit(() => setStep(3))}>
          {stepHeading}
          <p className="section-note">{t('referralForm.termsNote', { platform: formatPercent(policy.referral_platform_percent, names.locale) })}</p>
          <TextField
            label={t('field.referrerShare')}
            hint={t('field.referrerShareHint', { max: formatPercent(policy.referrer_share_max_percent, names.locale) })}
            inputMode="decimal"
            binding={terms.field('share')}
          />
          <SplitQuote
            amountCents={parsedBasics.data.budget}
            currency={parsedBasics.data.currency}
            sharePercent={parseSharePercent(terms.values.share, policy.referrer_share_max_percent)}
          />
          <WizardButtons back={back} next={t('referralForm.next')} />
        </form>
      ) : null}

      {step === 3 && parsedBasics.ok ? (
        <form noValidate onSubmit={publish.handleSubmit(submit)}>
          {stepHeading}
          <FormError>{error ? t(error.key, error.values) : null}</FormError>
          <RadioGroup legend={t('referralForm.visibility')} binding={publish.field('visibility')}>
            <RadioOption
              binding={publish.field('visibility')}
              value="board"
              label={t('lead.visibilityBoard')}
              description={t('referralForm.boardDescription')}
            />
            <RadioOption
              binding={publish.field('visibility')}
              value="private"
              label={t('lead.visibilityPrivate')}
              description={t('referralForm.privateDescription')}
            />
          </RadioGroup>
          <dl className="details review" data-testid="referral-review">
            <dt>{t('field.jobTitle')}</dt>
            <dd>
              <bdi>{parsedBasics.data.title}</bdi>
            </dd>
            <dt>{t('lead.category')}</dt>
            <dd>{names.category(parsedBasics.data.category)}</dd>
            <dt>{t('lead.city')}</dt>
            <dd>{names.city(parsedBasics.data.city)}</dd>
            <dt>{t('lead.budget')}</dt>
            <dd>{formatMinorAmount(parsedBasics.data.budget, parsedBasics.data.currency, names.locale)}</dd>
            <dt>{t('field.clientName')}</dt>
            <dd>
              <bdi>{client.values.clientName}</bdi>
            </dd>
            <dt>{t('lead.referrerShare')}</dt>
            <dd>{formatPercent(parseSharePercent(terms.values.share, policy.referrer_share_max_percent) ?? 0, names.locale)}</dd>
          </dl>
          <WizardButtons back={back} disabled={createLead.isPending}>
            <SubmitButton pending={createLead.isPending} label={t('referralForm.publish')} pendingLabel={t('referralForm.publishing')} />
          </WizardButtons>
        </form>
      ) : null}
    </div>
  );
}

interface WizardButtonsProps {
  back?: () => void;
  next?: string;
  disabled?: boolean;
  children?: ReactNode;
}

function WizardButtons({ back, next, disabled, children }: WizardButtonsProps) {
  const t = useT();
  return (
    <div className="form-buttons wizard-buttons">
      {back ? (
        <button type="button" className="button" disabled={disabled} onClick={back}>
          {t('referralForm.back')}
        </button>
      ) : null}
      {children ?? (
        <button type="submit" className="button button-primary">
          {next}
        </button>
      )}
    </div>
  );
}
