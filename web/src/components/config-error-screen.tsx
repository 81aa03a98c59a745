// Shown instead of the app when VITE_SUPABASE_URL / VITE_SUPABASE_PUBLISHABLE_KEY are missing or
// malformed: a clear fix-it message beats a blank page and a console full of failed requests.
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function ConfigErrorScreen({ problems }: { problems: readonly string[] }) {
  const t = useT();
  useDocumentTitle(t('config.title'));
  return (
    <main className="page page-narrow">
      <section className="card config-error" role="alert">
        <h1>{t('config.title')}</h1>
        <p>{t('config.body')}</p>
        <ul dir="ltr">
          {problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
