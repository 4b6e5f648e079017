// Paths and copies shared by the weapp tier's suites.
import { cpSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The production weapp build the tier checks (built by build-weapp.setup.ts when stale). */
export const weappDist = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

/** A private copy of a folder (the build, or WeChat's compiled output) for a test to break. */
export function copyOf(dir: string, label: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), `weapp-${label}-`))
  cpSync(dir, copy, { recursive: true })
  return copy
}
