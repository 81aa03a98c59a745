// Sign-up form. With a session in the answer the /sign-up guard moves the user on; without one
// (email confirmation required) the form is replaced by a "check your inbox" notice. The new profile
// starts in the language the visitor is using now.
import { Link } from '@tanstack/react-router';
import { authErrorMessageKey } from '../../data/auth/auth-error.ts';
import { useSignUpMutation } from '../../data/auth/sign-up-mutation.ts';
import { signUpSchema } from '../../forms/auth-schema.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { AuthCard } from './auth-card.tsx';

export function SignUpForm({ redirect }: { redirect: string | undefined }) {
  const t = useT();
  const signUp = useSignUpMutation();
  const { locale } = useLocale();
  const form = useZodForm(signUpSchema, { displayName: '', email: '', password: '', confirmPassword: '' });
  const pending = signUp.isPending;
  const footer = (
    <p>
      {t('signUp.haveAccount')}{' '}
      <Link to="/sign-in" search={{ redirect }}>
        {t('signUp.toSignIn')}
      </Link>
    </p>
  );

  if (signUp.data?.needsConfirmation) {
    return (
      <AuthCard title={t('signUp.title')} footer={footer}>
        <FormNotice>{t('signUp.checkEmail', { email: signUp.variables.email })}</FormNotice>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signUp.title')} footer={footer}>
      <form
        noValidate
        onSubmit={form.handleSubmit(({ displayName = '', email, password }) => signUp.mutate({ email, password, displayName, locale }))}
      >
        <FormError>{signUp.isError ? t(authErrorMessageKey(signUp.error)) : null}</FormError>
        <TextField
          label={t('field.displayName')}
          hint={t('field.displayNameOptional')}
          autoComplete="nickname"
          binding={form.field('displayName')}
          disabled={pending}
        />
        <TextField label={t('field.email')} type="email" autoComplete="email" binding={form.field('email')} disabled={pending} />
        <TextField
          label={t('field.password')}
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
        <SubmitButton pending={pending} label={t('signUp.submit')} pendingLabel={t('signUp.pending')} />
      </form>
    </AuthCard>
  );
}
