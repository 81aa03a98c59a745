// Vite for the Guildhall SPA. Run from the repo root with `--config web/vite.config.ts`:
// every path here is absolute so the result does not depend on the working directory.
import { fileURLToPath } from 'node:url';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const fromWeb = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: webDir,
  // Only VITE_-prefixed variables reach the bundle: the publishable key and the API URL, never secrets.
  envDir: webDir,
  plugins: [
    // Must run before the React plugin so route files are transformed (code-split) first.
    tanstackRouter({
      target: 'react',
      routesDirectory: fromWeb('./src/routes'),
      generatedRouteTree: fromWeb('./src/routeTree.gen.ts'),
      autoCodeSplitting: true,
    }),
    react(),
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  // Pre-bundle up front so the first page load in a fresh browser test never triggers a
  // dependency-discovery reload mid-test.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      '@tanstack/react-router',
      '@tanstack/react-query',
      '@supabase/supabase-js',
      'zod',
    ],
  },
  build: {
    outDir: fromWeb('./dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
