import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleReport } from './bundle-report';

// `npm run build -w @kontor/web` writes dist/, which `kontor serve` answers at `/`.
// `npm run dev -w @kontor/web` serves the app with hot reload and sends /api to a running Kontor.
export default defineConfig({
  plugins: [react(), bundleReport(250)],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': process.env.KONTOR_URL ?? 'http://localhost:3000' } },
});
