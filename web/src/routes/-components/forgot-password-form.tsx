// Request a reset link. The same confirmation shows whether or not the address has an account,
// so the form cannot be used to discover who is registered.
import { Link } from '@tanstack/react-router';
import { authErrorMessageKey } from '../../data/auth/auth-error.ts';
import { useRequestPasswordResetMutation } from '../../data/auth/request-password-reset-mutation.ts';
import { forgotPasswordSchema } from '../../forms/auth-schema.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { AuthCard } from './auth-card.tsx';

export function ForgotPasswordForm() {
  const t = useT();
  const requestReset = useRequestPasswordResetMutation();
  const form = useZodForm(forgotPasswordSchema, { email: '' });
  const pending = requestReset.isPending;
  const footer = (
    <p>
      <Link to="/sign-in">{t('forgot.back')}</Link>
    </p>
  );

  if (requestReset.isSuccess) {
    return (
      <AuthCard title={t('forgot.title')} footer={footer}>
        <FormNotice>{t('forgot.sent', { email: requestReset.variables.email })}</FormNotice>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('forgot.title')} intro={t('forgot.intro')} footer={footer}>
      <form noValidate onSubmit={form.handleSubmit((values) => requestReset.mutate(values))}>
        <FormError>{requestReset.isError ? t(authErrorMessageKey(requestReset.error)) : null}</FormError>
        <TextField label={t('field.email')} type="email" autoComplete="email" binding={form.field('email')} disabled={pending} />
        <SubmitButton pending={pending} label={t('forgot.submit')} pendingLabel={t('forgot.pending')} />
      </form>
    </AuthCard>
  );
}
