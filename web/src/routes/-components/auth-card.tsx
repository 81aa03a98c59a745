// The frame around each auth form: heading, optional intro, the form, and links to sibling pages.
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

interface AuthCardProps {
  title: string;
  intro?: string;
  children: ReactNode;
  footer?: ReactNode;
}

export function AuthCard({ title, intro, children, footer }: AuthCardProps) {
  useDocumentTitle(title);
  return (
    <section className="card auth-card" aria-labelledby="auth-card-title">
      <h1 id="auth-card-title">{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
      {footer ? <div className="auth-card-footer">{footer}</div> : null}
    </section>
  );
}
