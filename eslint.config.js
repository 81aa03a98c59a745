// Lint for the Node side (stack/, tests/, bench/) and the SPA (web/). Deno code under
// supabase/functions and stack/functions/serve.ts is linted by `deno lint` instead.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'test-results/',
      'web/src/routeTree.gen.ts',
      '**/database.types.ts',
      'supabase/functions/',
      'stack/functions/serve.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['stack/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', '*.ts', '*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
);
