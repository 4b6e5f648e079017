// One jest run for the four tiers: unit (pure), integration (functions through the real
// wx-server-sdk against a fresh emulator per suite), e2e (h5 build in Debian's Chromium) and weapp
// (the mini-program build checked with WeChat's own tools, docs/weapp.md).
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
  projects: [
    project('unit'),
    project('integration', 'build-functions.setup.ts'),
    project('e2e', 'build-app.setup.ts'),
    // The weapp tier runs the built mini-program's own files, as WeChat would: never transformed.
    { ...project('weapp', 'weapp/build-weapp.setup.ts'), transformIgnorePatterns: ['/node_modules/(?!(flatbush|flatqueue)/)', '<rootDir>/dist/'] },
  ],
  testTimeout: 120000,
  // Two cores: each integration suite runs its own emulator with function workers.
  maxWorkers: 2,
}
