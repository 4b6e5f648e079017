// Secrets and credentials for a deploy come only from the environment or the git-ignored
// .env.local, and never reach the terminal: every line printed goes through the redactor.
import { existsSync, readFileSync } from 'node:fs'

/** KEY=value lines; `#` comments, blank lines, optional `export ` and surrounding quotes. */
export function parseEnvFile(text: string, fileName = '.env.local'): Record<string, string> {
  const values: Record<string, string> = {}
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) throw new Error(`${fileName} line ${i + 1} is not KEY=value`)
    let value = match[2]
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1)
    values[match[1]] = value
  })
  return values
}

/** The environment, over .env.local when it exists (a variable set in the shell wins). */
export function loadEnvironment(envFile: string, processEnv: Record<string, string | undefined>): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : {}
  return { ...fromFile, ...processEnv }
}

export const TENCENT_CREDENTIALS = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const
export const WECHAT_CREDENTIALS = ['WX_APPID', 'WX_APPSECRET'] as const
/** Values printed as •••• wherever they appear (the session token too, when there is one). */
const ALWAYS_SECRET = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN', 'WX_APPSECRET']

export class Redactor {
  private readonly secrets = new Set<string>()

  add(value: string | undefined) {
    // Very short values would mask ordinary words; no real secret is that short.
    if (value && value.length >= 6) this.secrets.add(value)
  }

  addFromEnvironment(env: Record<string, string | undefined>, names: Iterable<string>) {
    for (const name of [...ALWAYS_SECRET, ...names]) this.add(env[name])
  }

  redact(text: string): string {
    let out = text
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('••••')
    return out
  }
}
