// Sign-out lives in the header and on the account page; both use this button.
import { useSignOutMutation } from '../data/auth/sign-out-mutation.ts';
import { authErrorMessageKey } from '../data/auth/auth-error.ts';
import { useT } from '../i18n/i18n-provider.tsx';

export function SignOutButton({ className = 'button' }: { className?: string }) {
  const t = useT();
  const signOut = useSignOutMutation();
  return (
    <>
      <button type="button" className={className} disabled={signOut.isPending} aria-busy={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}
      </button>
      {signOut.isError ? (
        <span className="inline-error" role="alert">
          {t(authErrorMessageKey(signOut.error))}
        </span>
      ) : null}
    </>
  );
}
