// npm run deploy -- --env <envId> [--plan] [--offline] [--only database|functions|storage|wechat] [--prune]
//
// Makes a WeChat CloudBase environment match the repository: collections, indexes and security
// rules, the cloud functions with their settings and timer triggers, the Mongolian font in
// storage, and on WeChat's side the message push to `security` and each function's openapi
// permissions. `--plan` only reads and exits 2 when changes are pending; `--plan --offline` needs
// no credentials and prints the whole desired state. Details: docs/deploy.md.
import path from 'node:path'
import CloudBase from '@cloudbase/manager-node'
import { buildFunctions } from '../build-functions'
import { ConfigError, desiredState, root, SECTIONS, type DesiredState, type Section } from './desired'
import { buildPlan, openApiDigest, type CloudBaseManager, type Plan } from './plan'
import { loadEnvironment, Redactor, TENCENT_CREDENTIALS, WECHAT_CREDENTIALS } from './secrets'
import { DEFAULT_WECHAT_API_BASE, WeChatApi } from './wechat-api'

export interface DeployOptions {
  argv: string[]
  /** the process environment (tests pass their own) */
  env: Record<string, string | undefined>
  /** .env.local by default */
  envFile?: string
  /** every line printed; already redacted */
  print: (line: string) => void
  /** false in tests that run against an already-built dist/cloudfunctions */
  build?: boolean
}

const USAGE = 'usage: npm run deploy -- --env <envId> [--plan] [--offline] [--only database|functions|storage|wechat] [--prune]'

interface Args {
  envId: string | undefined
  plan: boolean
  offline: boolean
  prune: boolean
  sections: Set<Section>
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { envId: undefined, plan: false, offline: false, prune: false, sections: new Set(SECTIONS) }
  const only: Section[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.split('=', 2)
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value. ${USAGE}`)
      return v
    }
    if (flag === '--env') args.envId = value()
    else if (flag === '--plan') args.plan = true
    else if (flag === '--offline') args.offline = true
    else if (flag === '--prune') args.prune = true
    else if (flag === '--only') {
      for (const part of value().split(',')) {
        if (!(SECTIONS as readonly string[]).includes(part)) throw new UsageError(`--only takes ${SECTIONS.join(', ')} (comma-separated), not "${part}"`)
        only.push(part as Section)
      }
    } else throw new UsageError(`unknown argument ${arg}. ${USAGE}`)
  }
  if (only.length > 0) args.sections = new Set(only)
  if (args.offline && !args.plan) throw new UsageError('--offline only plans: add --plan (a deploy needs the cloud)')
  return args
}

function printDesired(desired: DesiredState, envId: string, print: (line: string) => void) {
  print(`Desired state of ${envId} (offline: nothing was read from or sent to the cloud)`)
  if (desired.collections.length > 0) {
    print(`\ndatabase: ${desired.collections.length} collections`)
    for (const c of desired.collections) {
      print(`  collection ${c.name}  rule ${c.rule}`)
      for (const i of c.indexes) print(`    index ${i.name} {${i.keys.map((k) => `${k.name}: ${k.direction}`).join(', ')}}${i.unique ? ' unique' : ''}`)
    }
  }
  if (desired.files.length > 0) {
    print(`\nstorage: ${desired.files.length} file(s)`)
    for (const f of desired.files) print(`  file ${f.cloudPath}  ${(f.size / 1024).toFixed(0)} KB, md5 ${f.md5}`)
  }
  if (desired.functions.length > 0) {
    print(`\nfunctions: ${desired.functions.length}`)
    for (const fn of desired.functions) {
      print(`  function ${fn.name}  ${fn.runtime}, ${fn.memorySize} MB, timeout ${fn.timeout} s, code ${fn.codeSha.slice(0, 12)}, dependencies installed in the cloud`)
      for (const [key, v] of Object.entries(fn.variables).sort()) print(`    env ${key}=${v.secret ? '••••' : v.value}`)
      for (const name of fn.missingVariables) print(`    env ${name} NOT SET (required for a real deploy: set it in .env.local)`)
      for (const t of fn.triggers) print(`    trigger ${t.name} ${t.config}`)
      print(`    openapi ${fn.openapi.length > 0 ? fn.openapi.join(', ') : '(none)'} (digest ${openApiDigest(fn.openapi)})`)
    }
  }
  if (desired.messagePush.length > 0) {
    print('\nwechat:')
    for (const p of desired.messagePush) print(`  message push ${p.msgType}/${p.event} → function ${p.functionName}`)
  }
}

function printPlan(plan: Plan, print: (line: string) => void) {
  for (const change of plan.changes) {
    print(`${change.op} ${change.section.padEnd(9)} ${change.resource}`)
    for (const detail of change.details) print(`      ${detail}`)
  }
  for (const note of plan.notes) print(`! ${note}`)
  const count = (op: string) => plan.changes.filter((c) => c.op === op).length
  print(plan.changes.length === 0 ? 'No changes: the environment matches the repository.' : `Plan: ${count('+')} to create, ${count('~')} to change, ${count('-')} to delete.`)
}

/** Credentials and secrets the chosen sections need, with the names of those missing. */
function missingSettings(env: Record<string, string | undefined>, sections: ReadonlySet<Section>, desired: DesiredState, plan: boolean): string[] {
  const missing = new Set<string>()
  for (const name of TENCENT_CREDENTIALS) if (!env[name]) missing.add(name)
  if (sections.has('wechat')) for (const name of WECHAT_CREDENTIALS) if (!env[name]) missing.add(name)
  // A plan can compare without the functions' secrets; a deploy cannot set them without.
  if (!plan && sections.has('functions')) for (const fn of desired.functions) fn.missingVariables.forEach((name) => missing.add(name))
  return [...missing]
}

/** The same rule the functions apply when they start (cloudfunctions/_shared/personal-data.ts), checked before they are deployed with a key they would refuse. */
function personalDataKeyProblem(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  return key.length === 32 ? undefined : `PERSONAL_DATA_KEY is ${key.length} bytes, not 32: make one with \`openssl rand -base64 32\` (or 64 hex characters)`
}

function describeError(error: unknown): string {
  const e = error as { message?: string; code?: string }
  const message = e.message ?? String(error)
  if (e.code && /^AuthFailure/.test(e.code)) return `Tencent Cloud refused the credentials (${e.code}): check TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY in .env.local (console › 访问管理 › API密钥管理). ${message}`
  if (e.code && /^ResourceNotFound/.test(e.code)) return `${message} (${e.code}): check the --env id (console › 云开发 › 环境)`
  return e.code ? `${message} (${e.code})` : message
}

/** Runs the command; answers the exit code (0 done or nothing to do, 2 changes pending in a plan, 1 failed). */
export async function deploy(options: DeployOptions): Promise<number> {
  const redactor = new Redactor()
  const print = (line: string) => options.print(redactor.redact(line))
  let args: Args
  try {
    args = parseArgs(options.argv)
  } catch (error) {
    print((error as Error).message)
    return 1
  }
  const env = loadEnvironment(options.envFile ?? path.join(root, '.env.local'), options.env)
  const envId = args.envId
  if (!envId) {
    print(`--env <envId> is missing: the CloudBase environment id (console › 云开发 › 环境, e.g. fengqiao-prod-0g1a2b3c). ${USAGE}`)
    return 1
  }

  let desired: DesiredState
  try {
    if (options.build !== false && (args.sections.has('functions') || args.sections.has('wechat'))) await buildFunctions({ quiet: true })
    desired = desiredState(env, args.sections)
  } catch (error) {
    if (error instanceof ConfigError) {
      print(`Configuration error: ${error.message}`)
      return 1
    }
    throw error
  }
  redactor.addFromEnvironment(env, desired.functions.flatMap((fn) => Object.entries(fn.variables).filter(([, v]) => v.secret).map(([k]) => k)))

  if (args.offline) {
    printDesired(desired, envId, print)
    return 0
  }

  const missing = missingSettings(env, args.sections, desired, args.plan)
  if (missing.length > 0) {
    print(`Nothing was sent: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. Put ${missing.length === 1 ? 'it' : 'them'} in .env.local (git-ignored) or the environment; docs/deploy.md says where each comes from.`)
    return 1
  }

  const keyProblem = args.sections.has('functions') ? personalDataKeyProblem(env.PERSONAL_DATA_KEY) : undefined
  if (keyProblem) {
    print(`Nothing was sent: ${keyProblem}`)
    return 1
  }

  const manager = new CloudBase({ secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY, token: env.TENCENTCLOUD_SESSIONTOKEN || undefined, envId, region: env.TENCENTCLOUD_REGION || 'ap-shanghai' }) as unknown as CloudBaseManager
  const wechat = args.sections.has('wechat') ? new WeChatApi(env.WECHAT_API_BASE || DEFAULT_WECHAT_API_BASE, env.WX_APPID!, env.WX_APPSECRET!, (token) => redactor.add(token)) : undefined
  const functionRoot = path.join(root, 'dist', 'cloudfunctions')

  // manager-node prints its own progress lines; they go through the same redaction.
  const consoleMethods = { log: console.log, warn: console.warn, info: console.info, error: console.error }
  for (const method of Object.keys(consoleMethods) as Array<keyof typeof consoleMethods>) console[method] = (...parts: unknown[]) => print(parts.map(String).join(' '))
  try {
    let plan: Plan
    try {
      print(`Reading ${envId}…`)
      // WeChat's credentials are checked before anything is changed.
      if (wechat) await wechat.accessToken()
      plan = await buildPlan({ envId, manager, wechat, functionRoot, prune: args.prune }, desired, args.sections)
    } catch (error) {
      print(`Could not read the environment, nothing was changed: ${describeError(error)}`)
      return 1
    }
    printPlan(plan, print)
    if (args.plan) return plan.changes.length > 0 ? 2 : 0
    let done = 0
    for (const change of plan.changes) {
      try {
        await change.apply()
        done++
        print(`  done ${change.op} ${change.resource}`)
      } catch (error) {
        print(`FAILED ${change.op} ${change.resource}: ${describeError(error)}`)
        print(`Applied ${done} of ${plan.changes.length} changes; ${plan.changes.length - done} not applied. Fix the cause and run the same command again: it continues from what is there.`)
        return 1
      }
    }
    print(plan.changes.length === 0 ? 'Nothing to do.' : `Applied ${done} change(s). A second run should report no changes.`)
    return 0
  } finally {
    Object.assign(console, consoleMethods)
  }
}

if (require.main === module) {
  deploy({ argv: process.argv.slice(2), env: process.env, print: (line) => process.stdout.write(`${line}\n`) }).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`deploy failed: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    },
  )
}
