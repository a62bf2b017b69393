/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The gateway the dev server forwards API calls and the sign-in to (`npm run dev`).
const gateway = process.env.CONSOLE_GATEWAY ?? 'http://localhost:8080'
const forwarded = { target: gateway, changeOrigin: false, xfwd: true }

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // packaged into the console jar as classpath:/static/, served by the gateway at /
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': forwarded,
      '/logout': forwarded,
      '/oauth2': forwarded,
      '/login': forwarded,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // one copy of Vue: Element Plus goes through Vite like the components (else inject misses)
    server: { deps: { inline: ['element-plus'] } },
  },
})
