// The expert application: public profile, categories and languages, base city, radius and rate.
// Client-side checks mirror apply_as_expert; whatever the server still refuses is shown above the
// form. On success the saved application is re-read and its status announced.
import { useSuspenseQuery } from '@tanstack/react-query';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { categorySlugs } from '../../data/experts/expert-types.ts';
import { useApplyAsExpertMutation } from '../../data/experts/apply-as-expert-mutation.ts';
import { myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { groupCategories, localizedName } from '../../data/reference/reference-names.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { CheckboxGroup, CheckboxOption, CheckboxSubgroup } from '../../forms/checkbox-group.tsx';
import { applicationFormValues, expertApplicationSchema } from '../../forms/expert-application-schema.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { SelectField } from '../../forms/select-field.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { CURRENCIES } from '../../lib/money.ts';
import { statusLabel } from './expert-status.ts';

const currencyLabel = { ILS: 'currency.ILS', USD: 'currency.USD', EUR: 'currency.EUR' } as const;

export function ExpertApplicationForm({ userId, profileName }: { userId: string; profileName: string }) {
  const t = useT();
  const { reference, locale } = useReferenceNames();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const apply = useApplyAsExpertMutation(userId);
  const saved = application?.expert ?? null;
  const form = useZodForm(expertApplicationSchema, applicationFormValues(saved, saved ? categorySlugs(saved) : [], profileName));
  const pending = apply.isPending;
  const error = apply.isError ? databaseErrorMessage(apply.error) : null;
  const submitLabel = !saved ? t('apply.submit') : saved.status === 'rejected' ? t('apply.resubmit') : t('apply.saveChanges');

  return (
    <form noValidate className="application-form" onSubmit={form.handleSubmit((values) => apply.mutate(values))}>
      {apply.isSuccess && saved ? <FormNotice>{t('apply.saved', { status: t(statusLabel[saved.status]) })}</FormNotice> : null}
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <p className="muted">{t('apply.publicNote')}</p>

      <fieldset className="form-section" disabled={pending}>
        <legend>{t('apply.sectionProfile')}</legend>
        <TextField label={t('field.expertName')} hint={t('field.expertNameHint')} autoComplete="name" binding={form.field('displayName')} />
        <TextField label={t('field.headline')} hint={t('field.headlineHint')} binding={form.field('headline')} />
        <TextareaField label={t('field.bio')} hint={t('field.bioHint')} binding={form.field('bio')} rows={6} />
      </fieldset>

      <fieldset className="form-section" disabled={pending}>
        <legend>{t('apply.sectionWork')}</legend>
        <CheckboxGroup legend={t('field.categories')} hint={t('field.categoriesHint')} binding={form.choices('categories')}>
          {groupCategories(reference.categories).map(({ group, children }) => (
            <CheckboxSubgroup key={group.slug} legend={localizedName(group, locale)}>
              {children.map((category) => (
                <CheckboxOption
                  key={category.slug}
                  binding={form.choices('categories')}
                  value={category.slug}
                  label={localizedName(category, locale)}
                />
              ))}
            </CheckboxSubgroup>
          ))}
        </CheckboxGroup>
        <TextField label={t('field.specialties')} hint={t('field.specialtiesHint')} binding={form.field('specialties')} />
        <CheckboxGroup legend={t('field.languages')} binding={form.choices('languages')}>
          <div className="choice-options">
            {reference.languages.map((language) => (
              <CheckboxOption key={language.code} binding={form.choices('languages')} value={language.code} label={localizedName(language, locale)} />
            ))}
          </div>
        </CheckboxGroup>
      </fieldset>

      <fieldset className="form-section" disabled={pending}>
        <legend>{t('apply.sectionArea')}</legend>
        <SelectField label={t('field.city')} binding={form.field('city')}>
          <option value="">{t('field.chooseCity')}</option>
          {reference.cities.map((city) => (
            <option key={city.slug} value={city.slug}>
              {localizedName(city, locale)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('field.serviceRadius')} hint={t('field.serviceRadiusHint')} inputMode="numeric" binding={form.field('serviceRadiusKm')} />
        <TextField label={t('field.hourlyRate')} hint={t('field.hourlyRateHint')} inputMode="decimal" binding={form.field('hourlyRate')} />
        <SelectField label={t('field.currency')} binding={form.field('currency')}>
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {t(currencyLabel[currency])}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <div>
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={t('apply.sending')} />
      </div>
    </form>
  );
}
