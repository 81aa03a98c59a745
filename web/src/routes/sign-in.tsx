// /sign-in?redirect=/somewhere — email + password sign-in.
import { createFileRoute } from '@tanstack/react-router';
import { authSearchSchema } from '../lib/redirect-schema.ts';
import { redirectIfSignedIn } from './-components/redirect-if-signed-in.ts';
import { SignInForm } from './-components/sign-in-form.tsx';

export const Route = createFileRoute('/sign-in')({
  validateSearch: authSearchSchema,
  beforeLoad: redirectIfSignedIn,
  component: SignInPage,
});

function SignInPage() {
  const { redirect } = Route.useSearch();
  return <SignInForm redirect={redirect} />;
}
