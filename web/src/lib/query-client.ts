// One QueryClient for the app; it is also put in the router context so loaders and guards share the cache.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Auth and permission failures will not fix themselves on retry; one retry covers blips.
        retry: 1,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: 0 },
    },
  });
}
