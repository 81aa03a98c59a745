// Entry point: check the build-time configuration first, then load the real app. The app module is
// imported lazily so a missing Supabase URL or key never reaches createClient.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigErrorScreen } from './components/config-error-screen.tsx';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { parseEnv } from './lib/env.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');
const root = createRoot(container);

const config = parseEnv(import.meta.env);
if (config.ok) {
  void import('./app.tsx').then(({ App }) => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
} else {
  root.render(
    <StrictMode>
      <I18nProvider>
        <ConfigErrorScreen problems={config.problems} />
      </I18nProvider>
    </StrictMode>,
  );
}
