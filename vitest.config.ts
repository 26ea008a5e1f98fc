import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CI recipe test (test/ci/) runs docs/ci.md's workflow end to end, `npm ci` and two PDF builds, about
    // 2.5 minutes in one worker: `npm run test:recipe` runs it (and .ci/run does), `npm test` does not.
    exclude: process.env.LSCB_TEST_RECIPE ? [...configDefaults.exclude] : [...configDefaults.exclude, 'test/ci/**'],
    // Safety nets, not limits under test: generous enough that a busy 2-core machine never fails a test
    // on time (no test asserts a wall-clock duration). A test that reaches one is stuck, not slow.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
