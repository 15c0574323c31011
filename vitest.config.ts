import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'kiosk-server/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
