// /sign-up?redirect=/somewhere — create an account with email + password.
import { createFileRoute } from '@tanstack/react-router';
import { authSearchSchema } from '../lib/redirect-schema.ts';
import { redirectIfSignedIn } from './-components/redirect-if-signed-in.ts';
import { SignUpForm } from './-components/sign-up-form.tsx';

export const Route = createFileRoute('/sign-up')({
  validateSearch: authSearchSchema,
  beforeLoad: redirectIfSignedIn,
  component: SignUpPage,
});

function SignUpPage() {
  const { redirect } = Route.useSearch();
  return <SignUpForm redirect={redirect} />;
}
