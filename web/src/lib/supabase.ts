// The one Supabase client of the SPA, typed by the generated Database types. Only modules under
// src/data/ import it: components go through query options and mutation hooks.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../data/database.types.ts';
import { appEnv } from './env.ts';

const env = appEnv();

export const supabase = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_PUBLISHABLE_KEY, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    // The recovery link lands on /reset-password#access_token=…&type=recovery (implicit flow):
    // the client reads the fragment, starts the session and clears it from the address bar.
    detectSessionInUrl: true,
    flowType: 'implicit',
  },
});
