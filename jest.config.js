/** One jest run: unit (ms), integration (simulators over real transports), e2e (Debian's Chromium). */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic', importSource: 'preact' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(preact)/)'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts?(x)`],
  ...extra,
});

module.exports = {
  // jest's default on a 2-core machine is one worker. Many files mostly wait (real-time audio, a
  // 60 s city run, a 5 s corner press, child processes starting), and two such files side by side
  // left the cores ~17 % idle with two workers (sampled each second): three workers keep them ~96 %
  // busy and finish in ~300 s instead of ~350 s (2026-12-06, 2 cores; each worker ~0.6 GB)
  maxWorkers: 3,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  projects: [
    project('unit'),
    project('integration', { setupFilesAfterEnv: ['<rootDir>/test/support/slow-timeout.js'] }),
    // a failed e2e test logs what its open pages showed (support/failure-pages.ts); the environment
    // also loads playwright-core once per worker instead of once per file
    project('e2e', {
      testEnvironment: '<rootDir>/test/support/e2e-environment.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-timeout.js', '<rootDir>/test/support/failure-pages.ts'],
    }),
  ],
};
