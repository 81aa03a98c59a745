// Choose a new password; shown on /reset-password once the recovery link has created a session.
import { Link } from '@tanstack/react-router';
import { authErrorMessageKey } from '../../data/auth/auth-error.ts';
import { useUpdatePasswordMutation } from '../../data/auth/update-password-mutation.ts';
import { resetPasswordSchema } from '../../forms/auth-schema.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { AuthCard } from './auth-card.tsx';

export function ResetPasswordForm() {
  const t = useT();
  const updatePassword = useUpdatePasswordMutation();
  const form = useZodForm(resetPasswordSchema, { password: '', confirmPassword: '' });
  const pending = updatePassword.isPending;

  if (updatePassword.isSuccess) {
    return (
      <AuthCard title={t('reset.title')}>
        <FormNotice>{t('reset.done')}</FormNotice>
        <Link to="/account" className="button button-primary">
          {t('home.ctaAccount')}
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('reset.title')}>
      <form noValidate onSubmit={form.handleSubmit(({ password }) => updatePassword.mutate({ password }))}>
        <FormError>{updatePassword.isError ? t(authErrorMessageKey(updatePassword.error)) : null}</FormError>
        <TextField
          label={t('field.newPassword')}
          hint={t('field.passwordHint')}
          type="password"
          autoComplete="new-password"
          binding={form.field('password')}
          disabled={pending}
        />
        <TextField
          label={t('field.confirmPassword')}
          type="password"
          autoComplete="new-password"
          binding={form.field('confirmPassword')}
          disabled={pending}
        />
        <SubmitButton pending={pending} label={t('reset.submit')} pendingLabel={t('reset.pending')} />
      </form>
    </AuthCard>
  );
}
