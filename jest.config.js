// One jest run for the three tiers: unit (pure), integration (functions through the real
// wx-server-sdk against a fresh emulator per suite) and e2e (h5 build in Debian's Chromium).
// A project's globalSetup runs only when the run selects one of its tests.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] }
const project = (name, globalSetup) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  // flatbush and flatqueue ship only as ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(flatbush|flatqueue)/)'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...(globalSetup ? { globalSetup: `<rootDir>/test/${globalSetup}` } : {}),
})

module.exports = {
  projects: [project('unit'), project('integration', 'build-functions.setup.ts'), project('e2e', 'build-app.setup.ts')],
  testTimeout: 120000,
  // Two cores: each integration suite runs its own emulator with function workers.
  maxWorkers: 2,
}
