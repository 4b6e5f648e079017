// What the e2e tier needs from the machine: Debian's Chromium and the Noto fonts (Mongolian in
// fonts-noto-core, Chinese in fonts-noto-cjk), so that `npm ci && npm test` passes on a fresh
// machine. Installed with apt-get when the test run is root and they are missing; otherwise the
// run stops with one line that says what is missing and the command that fixes it.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/** Each Debian package and a file that shows it is installed. */
export const BROWSER_PACKAGES = [
  { pkg: 'chromium', file: DEFAULT_CHROMIUM_PATH },
  { pkg: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf' },
  { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
] as const

export interface MachineFacts {
  /** CHROMIUM_PATH when set: a browser the person chose, never replaced by apt-get */
  chromiumPath?: string
  exists: (file: string) => boolean
  isRoot: boolean
  hasAptGet: boolean
}

export type ProvisionPlan = { kind: 'ready' } | { kind: 'install'; packages: string[] } | { kind: 'cannot'; message: string }

export function provisionPlan(facts: MachineFacts): ProvisionPlan {
  if (facts.chromiumPath && !facts.exists(facts.chromiumPath)) {
    return { kind: 'cannot', message: `CHROMIUM_PATH is ${facts.chromiumPath}, which does not exist: point it at a Chromium binary or unset it to use Debian's ${DEFAULT_CHROMIUM_PATH}.` }
  }
  const missing = BROWSER_PACKAGES.filter(({ pkg, file }) => !(pkg === 'chromium' && facts.chromiumPath) && !facts.exists(file)).map(({ pkg }) => pkg)
  if (missing.length === 0) return { kind: 'ready' }
  if (facts.isRoot && facts.hasAptGet) return { kind: 'install', packages: missing }
  const why = facts.hasAptGet ? 'the tests do not run as root' : 'this machine has no apt-get'
  const fix = facts.hasAptGet ? `sudo apt-get install ${missing.join(' ')}` : `install ${missing.join(', ')} with your package manager and set CHROMIUM_PATH to the browser`
  return { kind: 'cannot', message: `The e2e tests need ${missing.join(', ')}, which cannot be installed automatically because ${why}: run \`${fix}\`, then npm test again.` }
}

function hasAptGet(): boolean {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Installs what is missing or throws the one-line reason it cannot. */
export function provisionBrowser(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  const plan = provisionPlan({ chromiumPath: process.env.CHROMIUM_PATH, exists: existsSync, isRoot: process.getuid?.() === 0, hasAptGet: hasAptGet() })
  if (plan.kind === 'ready') return
  if (plan.kind === 'cannot') throw new Error(plan.message)
  log(`installing ${plan.packages.join(' ')} for the e2e tests (apt-get, a few minutes on a fresh machine)…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env })
  execFileSync('apt-get', ['install', '-y', '-qq', ...plan.packages], { stdio: ['ignore', 'ignore', 'inherit'], env })
}
