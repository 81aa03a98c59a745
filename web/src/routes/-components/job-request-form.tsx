// The customer's job request: the public part (title, summary, category, city, budget), private
// details and their contact details, each section saying who will see it. A signed-out visitor
// posts as a guest: an anonymous session is started first, then the request is posted as that user.
import { useNavigate } from '@tanstack/react-router';
import { authErrorMessageKey } from '../../data/auth/auth-error.ts';
import { useContinueAsGuestMutation } from '../../data/auth/continue-as-guest-mutation.ts';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useCreateLeadMutation } from '../../data/leads/create-lead-mutation.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { jobRequestFormValues, jobRequestSchema, type JobRequest } from '../../forms/lead-schema.ts';
import { SelectField } from '../../forms/select-field.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { CategoryOptions, CityOptions } from './category-options.tsx';
import { CurrencyOptions } from './currency-options.tsx';

interface JobRequestFormProps {
  signedIn: boolean;
  name: string;
  email: string;
}

export function JobRequestForm({ signedIn, name, email }: JobRequestFormProps) {
  const t = useT();
  const navigate = useNavigate();
  const guest = useContinueAsGuestMutation();
  const createLead = useCreateLeadMutation();
  const form = useZodForm(jobRequestSchema, jobRequestFormValues(name, email));
  const pending = guest.isPending || createLead.isPending;
  const error = guest.isError
    ? t(authErrorMessageKey(guest.error))
    : createLead.isError
      ? t(databaseErrorMessage(createLead.error).key, databaseErrorMessage(createLead.error).values)
      : null;

  const post = async (request: JobRequest) => {
    // Once the guest session exists, a retry after a refused request posts as the same guest.
    if (!signedIn && !guest.isSuccess) await guest.mutateAsync();
    const leadId = await createLead.mutateAsync({ ...request, kind: 'consumer' });
    await navigate({ to: '/jobs/$leadId', params: { leadId }, search: { posted: true } });
  };

  return (
    <form
      noValidate
      className="lead-form"
      onSubmit={form.handleSubmit((request) => {
        // Errors are shown from the mutations' state; nothing else to do with the rejection here.
        post(request).catch(() => undefined);
      })}
    >
      <FormError>{error}</FormError>

      <fieldset className="form-section" disabled={pending}>
        <legend>{t('jobForm.sectionJob')}</legend>
        <p className="section-note" data-testid="public-note">
          {t('jobForm.publicNote')}
        </p>
        <TextField label={t('field.jobTitle')} hint={t('field.jobTitleHint')} binding={form.field('title')} />
        <TextareaField label={t('field.jobSummary')} hint={t('field.jobSummaryHint')} binding={form.field('summary')} rows={4} />
        <SelectField label={t('field.category')} binding={form.field('category')}>
          <option value="">{t('field.chooseCategory')}</option>
          <CategoryOptions />
        </SelectField>
        <SelectField label={t('field.jobCity')} binding={form.field('city')}>
          <option value="">{t('field.chooseCity')}</option>
          <CityOptions />
        </SelectField>
        <div className="field-row">
          <TextField label={t('field.budget')} hint={t('field.budgetHint')} inputMode="decimal" binding={form.field('budget')} />
          <SelectField label={t('field.currency')} binding={form.field('currency')}>
            <CurrencyOptions />
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="form-section" disabled={pending}>
        <legend>{t('jobForm.sectionPrivate')}</legend>
        <p className="section-note" data-testid="private-note">
          {t('jobForm.privateNote')}
        </p>
        <TextareaField label={t('field.jobDetails')} hint={t('field.jobDetailsHint')} binding={form.field('details')} rows={4} />
        <TextField label={t('field.yourName')} autoComplete="name" binding={form.field('clientName')} />
        <TextField label={t('field.yourPhone')} hint={t('field.phoneHint')} type="tel" autoComplete="tel" binding={form.field('clientPhone')} />
        <TextField label={t('field.yourEmail')} hint={t('field.optional')} type="email" autoComplete="email" binding={form.field('clientEmail')} />
        <TextField label={t('field.yourAddress')} hint={t('field.addressHint')} autoComplete="street-address" binding={form.field('clientAddress')} />
      </fieldset>

      <div>
        <SubmitButton pending={pending} label={signedIn ? t('jobForm.submit') : t('jobForm.submitAsGuest')} pendingLabel={t('jobForm.posting')} />
      </div>
    </form>
  );
}
