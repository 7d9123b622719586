import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The api serves dist/web (apps/api/src/web-app.ts); `npm run dev:web` proxies the api instead.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Fonts and the icon sprite stay files (CSP: no data: fonts), never inlined into the CSS.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': {
        target: process.env.PROSSIMO_API_URL ?? 'http://127.0.0.1:3000',
        ws: true,
        changeOrigin: false,
      },
    },
  },
  test: {
    root,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
