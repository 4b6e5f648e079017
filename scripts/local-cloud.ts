// Starts the emulator over the built functions, as npm start, the bench and the tests need it.
import path from 'node:path'
import { startEmulator, type Emulator } from '../emulator'
import { DEFAULT_LIMITS } from '../src/core/rate-limit'
import { declaredIndexSpecs } from './database-spec'

export const root = path.resolve(__dirname, '..')
export const functionsDir = path.join(root, 'dist', 'cloudfunctions')
/** npm start's and the CLI's data, git-ignored; the marker says the demo station was seeded. */
export const dataDir = path.join(root, '.localcloud')
export const seededMarker = path.join(dataDir, 'demo-seeded')

/**
 * Function environment for suites and benchmarks that make many calls as one identity: every abuse
 * limit out of reach, so they measure what they test. The limits' own suite runs the real defaults.
 */
export const generousLimitsEnv = (): Record<string, string> => ({
  RATE_LIMITS: JSON.stringify(Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((name) => [name, { max: 1_000_000, per: 'hour' }]))),
})

/** The emulator over the built functions, with the indexes of cloudfunctions/database.json. */
export async function startLocalCloud(options: { dataDir: string; port?: number; staticDir?: string; timers?: boolean; functionsDir?: string; functionEnv?: Record<string, string> }): Promise<Emulator> {
  const emulator = await startEmulator({
    dataDir: options.dataDir,
    port: options.port ?? 0,
    functionsDir: options.functionsDir ?? functionsDir,
    staticDir: options.staticDir,
    timers: options.timers ?? false,
    functionEnv: options.functionEnv,
    // As the console's message push is set: content-security verdicts on pictures go to `security`.
    messagePushFunction: 'security',
  })
  emulator.ensureIndexes(declaredIndexSpecs())
  return emulator
}
