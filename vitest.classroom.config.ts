import { defineConfig } from 'vitest/config';

// The classroom server's integration suite: real Socket.IO clients against real servers (in this
// process, and as child processes sharing a private redis-server). One file at a time: the
// machine has two cores and the timings are part of what is checked.
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
