import { defineConfig } from 'vite'

// JSX is compiled by Vite's built-in esbuild (no plugin keeps the sample small).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
})
