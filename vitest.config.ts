import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Safety nets, not limits under test: generous enough that a busy 2-core machine never fails a test
    // on time (no test asserts a wall-clock duration). A test that reaches one is stuck, not slow.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
