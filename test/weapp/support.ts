// Paths and copies shared by the weapp tier's suites.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The production weapp build the tier checks (built by build-weapp.setup.ts when stale). */
export const weappDist = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

const temporary: string[] = []
/** Folders a suite made (copies, miniprogram-ci's output) are removed when it ends. */
export const removeWhenDone = (dir: string) => void temporary.push(dir)
afterAll(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A private copy of a folder (the build, or WeChat's compiled output) for a test to break. */
export function copyOf(dir: string, label: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), `weapp-${label}-`))
  removeWhenDone(copy)
  cpSync(dir, copy, { recursive: true })
  return copy
}
