import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// SurveyJS is large (~350 KB gzipped with its CSS) and only the questionnaire pages need it: it is
// reached only through a lazy route, and gets a named chunk of its own so that an app release does
// not invalidate its cache. React gets a vendor chunk for the same reason. React is matched with a
// higher priority so that it never lands in the SurveyJS chunk through survey-react-ui's imports.
const REACT_VENDOR = /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/;
const SURVEYJS = /[\\/]node_modules[\\/]survey-(core|react-ui)[\\/]/;

/**
 * `@core/…` is the pure questionnaire core (server/questionnaire), which the client shares with
 * the server; the client's Vitest project takes the same alias, client/tsconfig.json the same path.
 */
export const CORE_ALIAS = { '@core': fileURLToPath(new URL('./server/questionnaire', import.meta.url)) };

// `npm run dev` runs the API on port 3000 beside Vite.
const API_PROXY = { '/api': 'http://127.0.0.1:3000' };

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: { alias: CORE_ALIAS },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The SurveyJS chunk (~1.6 MB minified, ~350 KB gzipped) is knowingly big; anything bigger
    // than it deserves a look.
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: REACT_VENDOR, priority: 20 },
            { name: 'surveyjs', test: SURVEYJS, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
});
