import { defineConfig } from 'vitest/config';

// Unit tests only: pure TypeScript modules in Node, no browser, no DOM. The browser end-to-end
// tests live in tests/e2e/ and run under puppeteer (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-toolkit.ts'],
  },
});
