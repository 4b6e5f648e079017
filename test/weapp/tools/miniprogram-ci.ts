// miniprogram-ci, WeChat's command-line build of a mini-program, over a folder: what an upload
// would compile (the files WeChat ships) and its code-quality checks.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** WeChat refuses a package over 2 MB; the tier fails at 1.5 MB to keep room to grow. */
export const PACKAGE_SIZE_CEILING = 1.5 * 1024 * 1024

export interface QualityItem {
  name: string
  success: boolean
  text: string
  detail?: unknown
}

export interface CiResult {
  /** The compiler's message when the project did not compile. */
  compileError?: string
  /** The compiled files, as uploaded: a folder laid out like the project. */
  compiledDir: string
  files: string[]
  quality: QualityItem[]
}

/** Compiles and analyses `projectDir` in a child process, which is ended when it has reported. */
export async function runMiniprogramCi(projectDir: string): Promise<CiResult> {
  // miniprogram-ci gives its compiler process a fixed 20 s to start; on two busy cores it can miss
  // that, and a second start succeeds.
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(projectDir)
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !err.message.includes('fork process timeout')) throw err
    }
  }
}

function runOnce(projectDir: string): Promise<CiResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'miniprogram-ci-'))
  const compiledDir = path.join(work, 'compiled')
  const reportFile = path.join(work, 'report.json')
  const child = path.join(__dirname, 'miniprogram-ci-child.js')
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [child, projectDir, compiledDir, reportFile], { cwd: path.resolve(__dirname, '..', '..', '..'), maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`miniprogram-ci failed on ${projectDir}: ${stderr || err.message}`))
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Omit<CiResult, 'compiledDir'>
      resolve({ ...report, compiledDir })
    })
  })
}

/** Each package's size in bytes as WeChat counts it, by package root (`__APP__` is the main package). */
export function packageSizes(result: CiResult): Record<string, number> {
  const item = result.quality.find((check) => check.name === 'PACKAGE_SIZE_LIMIT')
  if (!item) throw new Error('miniprogram-ci reported no PACKAGE_SIZE_LIMIT check: its report format changed')
  return item.detail as Record<string, number>
}

/** Files no page, component or script reaches: shipped for nothing. */
export function unreachableFiles(result: CiResult): string[] {
  const item = result.quality.find((check) => check.name === 'CONTAINS_UNUSED_CODES')
  if (!item) throw new Error('miniprogram-ci reported no CONTAINS_UNUSED_CODES check: its report format changed')
  return (item.detail as Array<string | { path?: string }>).map((entry) => (typeof entry === 'string' ? entry : entry.path ?? JSON.stringify(entry)))
}
