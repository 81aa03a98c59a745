// /reset-password — where the recovery link lands (#access_token=…&type=recovery). supabase-js
// turns the fragment into a session before the loader's getSession resolves; no session means the
// link was invalid or expired.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { AuthCard } from './-components/auth-card.tsx';
import { ResetPasswordForm } from './-components/reset-password-form.tsx';

export const Route = createFileRoute('/reset-password')({
  loader: ({ context }) => context.queryClient.ensureQueryData(sessionQueryOptions()),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  if (session) return <ResetPasswordForm />;
  return (
    <AuthCard title={t('reset.title')}>
      <p className="form-error" role="alert">
        {t('reset.invalidLink')}
      </p>
      <Link to="/forgot-password" className="button button-primary">
        {t('reset.requestNew')}
      </Link>
    </AuthCard>
  );
}
