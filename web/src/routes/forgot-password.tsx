// /forgot-password — request a recovery email.
import { createFileRoute } from '@tanstack/react-router';
import { ForgotPasswordForm } from './-components/forgot-password-form.tsx';

export const Route = createFileRoute('/forgot-password')({
  component: ForgotPasswordForm,
});
