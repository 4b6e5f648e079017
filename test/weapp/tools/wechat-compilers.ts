// WeChat's own template and style compilers (wcc for .wxml/.wxs, wcsc for .wxss), the binaries
// DevTools runs, shipped in the miniprogram-compiler package. Called directly: its wrapper throws a
// TypeError instead of the compiler's message when wcsc reports an error.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const platformDir = { linux: 'linux', darwin: 'mac', win32: 'windows' } as const

/**
 * The compiler binary, copied to a private folder and made executable there: npm unpacks it
 * without the executable bit, and changing the mode in node_modules would change every hard link
 * of the installed file.
 */
function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const platform = platformDir[process.platform as keyof typeof platformDir]
  if (!platform) throw new Error(`miniprogram-compiler ships no ${name} for ${process.platform}: run the weapp tier on Linux, macOS or Windows`)
  const source = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', platform, platform === 'windows' ? `${name}.exe` : name)
  const target = path.join(binDir(), path.basename(source))
  if (!existsSync(target)) {
    copyFileSync(source, target)
    chmodSync(target, 0o755)
  }
  return target
}

let privateBinDir: string | undefined
function binDir() {
  privateBinDir ??= mkdtempSync(path.join(os.tmpdir(), 'wechat-compilers-'))
  return privateBinDir
}

/** Every file under `dir` with one of the extensions, as forward-slash paths relative to `dir`. */
export function filesOf(dir: string, extension: string): string[] {
  const found: string[] = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.name.endsWith(extension)) found.push(child)
    }
  }
  walk('')
  return found.sort()
}

export interface CompileResult {
  /** The compiler's own messages; empty when it succeeded. */
  errors: string
  /** What it printed on success (wcc: the `$gwx` template program). */
  output: string
}

function run(binary: string, args: string[], cwd: string): CompileResult {
  const result = spawnSync(binary, args, { cwd, maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  if (result.status === 0) return { errors: '', output: result.stdout.toString() }
  return { errors: `${path.basename(binary)} exited with ${result.status}: ${result.stderr.toString().trim() || result.stdout.toString().trim()}`, output: '' }
}

/** The custom components each template uses, in wcc's argument format (count, then per file: path, n, names). */
function usingComponentsArgument(dir: string, wxmlFiles: string[]): string {
  const entries: string[] = []
  for (const file of wxmlFiles) {
    const json = path.join(dir, file.replace(/\.wxml$/, '.json'))
    if (!existsSync(json)) continue
    const names = Object.keys((JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {})
    if (names.length) entries.push([file, names.length, ...names].join(' '))
  }
  return [entries.length, ...entries].join(' ')
}

/** Compiles every .wxml and .wxs under `dir` together, as DevTools does (templates import each other). */
export function compileTemplates(dir: string): CompileResult {
  const wxml = filesOf(dir, '.wxml')
  const wxs = filesOf(dir, '.wxs')
  return run(compilerBinary('wcc'), ['-d', '-cc', usingComponentsArgument(dir, wxml), ...wxml, ...wxs, '-gn', '$gwx'], dir)
}

/** Compiles every .wxss under `dir`; component styles (those with a .json beside them) first, as wcsc expects. */
export function compileStyles(dir: string): CompileResult {
  const wxss = filesOf(dir, '.wxss')
  const isComponent = (file: string) => existsSync(path.join(dir, file.replace(/\.wxss$/, '.json')))
  const ordered = [...wxss.filter(isComponent), ...wxss.filter((file) => !isComponent(file))]
  return run(compilerBinary('wcsc'), ['-db', '-pc', String(wxss.filter(isComponent).length), ...ordered], dir)
}
