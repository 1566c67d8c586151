import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { serviceWorkerPlugin } from './offline/serviceWorkerPlugin.ts'

// The server (default http://127.0.0.1:5310) serves the API and the sync socket; in development
// Vite proxies both so the app always talks to its own origin, as it does in production.
const server = process.env.STORYLOOM_SERVER ?? 'http://127.0.0.1:5310'

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  // `@tldraw/assets/imports.vite` imports each icon, font and translation with `?url`, which
  // Vite's dependency pre-bundling cannot resolve; serve it as plain ESM instead.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/sync': { target: server, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // tldraw is one large chunk by nature; it is loaded only on the board route.
    chunkSizeWarningLimit: 4000,
  },
})
