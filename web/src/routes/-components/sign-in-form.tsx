// Sign-in form. After success the /sign-in guard (re-run by auth-sync) redirects to `redirect`.
import { Link } from '@tanstack/react-router';
import { authErrorMessageKey } from '../../data/auth/auth-error.ts';
import { useSignInMutation } from '../../data/auth/sign-in-mutation.ts';
import { signInSchema } from '../../forms/auth-schema.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { AuthCard } from './auth-card.tsx';

export function SignInForm({ redirect }: { redirect: string | undefined }) {
  const t = useT();
  const signIn = useSignInMutation();
  const form = useZodForm(signInSchema, { email: '', password: '' });
  const pending = signIn.isPending;

  return (
    <AuthCard
      title={t('signIn.title')}
      footer={
        <>
          <p>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </p>
          <p>
            {t('signIn.noAccount')}{' '}
            <Link to="/sign-up" search={{ redirect }}>
              {t('signIn.toSignUp')}
            </Link>
          </p>
        </>
      }
    >
      <form noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
        <FormError>{signIn.isError ? t(authErrorMessageKey(signIn.error)) : null}</FormError>
        <TextField label={t('field.email')} type="email" autoComplete="email" binding={form.field('email')} disabled={pending} />
        <TextField label={t('field.password')} type="password" autoComplete="current-password" binding={form.field('password')} disabled={pending} />
        <SubmitButton pending={pending} label={t('signIn.submit')} pendingLabel={t('signIn.pending')} />
      </form>
    </AuthCard>
  );
}
