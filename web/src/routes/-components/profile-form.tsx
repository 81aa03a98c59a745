// The account page's profile form: display name, preferred language and avatar URL. Saving a
// language also switches the UI to it, since that is what choosing it here means.
import { useSuspenseQuery } from '@tanstack/react-query';
import { profileQueryOptions } from '../../data/accounts/profile-query.ts';
import { useUpdateProfileMutation } from '../../data/accounts/update-profile-mutation.ts';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { profileSchema } from '../../forms/profile-schema.ts';
import { SelectField } from '../../forms/select-field.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { LOCALES } from '../../i18n/locale.ts';

const localeLabel = { en: 'locale.en', he: 'locale.he' } as const;

export function ProfileForm({ userId }: { userId: string }) {
  const t = useT();
  const { setLocale } = useLocale();
  const { data: profile } = useSuspenseQuery(profileQueryOptions(userId));
  const updateProfile = useUpdateProfileMutation();
  const form = useZodForm(profileSchema, {
    displayName: profile.display_name,
    locale: profile.locale,
    avatarUrl: profile.avatar_url ?? '',
  });
  const pending = updateProfile.isPending;
  const error = updateProfile.isError ? databaseErrorMessage(updateProfile.error) : null;

  return (
    <section aria-labelledby="profile-heading" className="account-section">
      <h2 id="profile-heading">{t('account.profile')}</h2>
      {updateProfile.isSuccess ? <FormNotice>{t('account.saved')}</FormNotice> : null}
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => updateProfile.mutate({ userId, ...values }, { onSuccess: () => setLocale(values.locale) }))}
      >
        <FormError>{error ? t(error.key, error.values) : null}</FormError>
        <TextField label={t('field.displayName')} autoComplete="nickname" binding={form.field('displayName')} disabled={pending} />
        <SelectField label={t('field.locale')} binding={form.field('locale')} disabled={pending}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(localeLabel[locale])}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('field.avatarUrl')}
          hint={t('field.avatarUrlHint')}
          type="url"
          autoComplete="photo"
          binding={form.field('avatarUrl')}
          disabled={pending}
        />
        <SubmitButton pending={pending} label={t('account.save')} pendingLabel={t('account.saving')} />
      </form>
    </section>
  );
}
