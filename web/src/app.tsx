// The configured app. Loaded by main.tsx only after the env check passed, because importing it
// creates the Supabase client.
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { subscribeToAuthChanges } from './data/auth/auth-sync.ts';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { createAppRouter } from './router.tsx';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

export function App() {
  // When the signed-in user changes (here or in another tab), re-run guards and loaders.
  useEffect(() => subscribeToAuthChanges(queryClient, () => void router.invalidate()), []);

  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
