// The state a deploy makes the cloud environment have, read from the repository's data:
// cloudfunctions/database.json (collections and indexes), cloudfunctions/database-rules/ (each
// collection's security rule), cloudbaserc.json (which functions, runtime, memory, variables taken
// from the environment), each built function's config.json (timeout, literal variables, timer
// triggers, openapi permissions) and the Mongolian font the weapp loads. Everything is parsed with
// zod here, so a mistake in the data stops the deploy before anything is sent.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod/mini'

export const root = path.resolve(__dirname, '..', '..')

export class ConfigError extends Error {}

const IndexField = z.strictObject({ field: z.string().check(z.minLength(1)), direction: z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')]) })
const IndexSpec = z.strictObject({ name: z.string().check(z.regex(/^[A-Za-z0-9_]+$/)), fields: z.array(IndexField).check(z.minLength(1)), unique: z.boolean() })
const DatabaseFile = z.object({
  $comment: z.optional(z.string()),
  collections: z.array(z.strictObject({ name: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)), indexes: z.array(IndexSpec) })).check(z.minLength(1)),
})

const Trigger = z.strictObject({ name: z.string().check(z.minLength(1)), type: z.literal('timer'), config: z.string().check(z.regex(/^(\S+ ){6}\S+$/, 'a 7-field cron expression')) })
const FunctionConfigFile = z.object({
  permissions: z.strictObject({ openapi: z.array(z.string().check(z.regex(/^[a-zA-Z]+\.[a-zA-Z]+$/))) }),
  timeout: z.number().check(z.int(), z.gte(1), z.lte(900)),
  envVariables: z.optional(z.record(z.string(), z.string())),
  triggers: z.optional(z.array(Trigger)),
})

/** `{{env.NAME}}` must be set; `{{env.NAME?}}` is set on the function only when NAME is set. */
const ENV_TEMPLATE = /^\{\{env\.([A-Z][A-Z0-9_]*)(\?)?\}\}$/
const CloudbaseRc = z.object({
  version: z.literal('2.0'),
  envId: z.string(),
  functionRoot: z.string(),
  functions: z.array(
    z.strictObject({
        name: z.string().check(z.regex(/^[a-z][a-z0-9_-]*$/)),
        runtime: z.enum(['Nodejs16.13', 'Nodejs18.15']),
        handler: z.literal('index.main'),
        memorySize: z.union([z.literal(128), z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]),
        installDependency: z.literal(true),
        envVariables: z.optional(z.record(z.string(), z.string().check(z.regex(ENV_TEMPLATE, 'a {{env.NAME}} or {{env.NAME?}} template: secrets and settings never live in the repository')))),
      }),
  ),
})

export interface DesiredIndex {
  name: string
  keys: Array<{ name: string; direction: '1' | '-1' | '2dsphere' }>
  unique: boolean
}
export interface DesiredCollection {
  name: string
  indexes: DesiredIndex[]
  /** the custom security rule, as a JSON string in the file's own key order */
  rule: string
}
export interface DesiredVariable {
  value: string
  /** taken from the environment or .env.local: never printed */
  secret: boolean
}
export interface DesiredFunction {
  name: string
  dir: string
  runtime: string
  handler: string
  memorySize: number
  timeout: number
  installDependency: true
  variables: Record<string, DesiredVariable>
  /** required variables that are not set (an offline plan reports them; a deploy refuses) */
  missingVariables: string[]
  triggers: Array<{ name: string; type: 'timer'; config: string }>
  openapi: string[]
  /** sha256 of the code the cloud runs (index.js and package.json) */
  codeSha: string
}
export interface DesiredFile {
  cloudPath: string
  localPath: string
  md5: string
  size: number
}
export interface DesiredState {
  collections: DesiredCollection[]
  functions: DesiredFunction[]
  files: DesiredFile[]
  /** WeChat message push: which event goes to which function */
  messagePush: Array<{ msgType: string; event: string; functionName: string }>
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`${path.relative(root, file)}: ${(error as Error).message}`)
  }
}

function parse<T>(schema: z.ZodMiniType<T>, file: string): T {
  const result = schema.safeParse(readJson(file))
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    throw new ConfigError(`${path.relative(root, file)} is invalid: ${issues}`)
  }
  return result.data
}

export function desiredCollections(): DesiredCollection[] {
  const database = parse(DatabaseFile, path.join(root, 'cloudfunctions', 'database.json'))
  const rulesDir = path.join(root, 'cloudfunctions', 'database-rules')
  const ruleFiles = new Set(readdirSync(rulesDir).filter((f) => f.endsWith('.json')))
  const collections = database.collections.map((collection) => {
    const ruleFile = `${collection.name}.json`
    if (!ruleFiles.delete(ruleFile)) throw new ConfigError(`cloudfunctions/database-rules/${ruleFile} is missing: every collection needs its security rule`)
    const rule = readJson(path.join(rulesDir, ruleFile))
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new ConfigError(`cloudfunctions/database-rules/${ruleFile} must be a JSON object such as { "read": false, "write": false }`)
    return {
      name: collection.name,
      indexes: collection.indexes.map((index) => ({ name: index.name, keys: index.fields.map((f) => ({ name: f.field, direction: String(f.direction) as '1' | '-1' | '2dsphere' })), unique: index.unique })),
      rule: JSON.stringify(rule),
    }
  })
  if (ruleFiles.size > 0) throw new ConfigError(`cloudfunctions/database-rules/ has rules for collections that database.json does not declare: ${[...ruleFiles].join(', ')}`)
  return collections
}

function sha256Of(files: string[]): string {
  const hash = createHash('sha256')
  for (const file of files) hash.update(path.basename(file)).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

/** Functions as cloudbaserc.json and each built folder describe them; `env` supplies templates. */
export function desiredFunctions(env: Record<string, string | undefined>): DesiredFunction[] {
  const rc = parse(CloudbaseRc, path.join(root, 'cloudbaserc.json'))
  const functionRoot = path.resolve(root, rc.functionRoot)
  const sources = readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(root, 'cloudfunctions', e.name, 'index.ts'))).map((e) => e.name)
  const listed = rc.functions.map((f) => f.name)
  const unlisted = sources.filter((name) => !listed.includes(name))
  if (unlisted.length > 0) throw new ConfigError(`cloudbaserc.json does not list the function(s) ${unlisted.join(', ')} found in cloudfunctions/: add them`)
  return rc.functions.map((f) => {
    const dir = path.join(functionRoot, f.name)
    if (!existsSync(path.join(dir, 'index.js'))) throw new ConfigError(`${path.relative(root, dir)}/index.js is missing: cloudbaserc.json lists ${f.name} but cloudfunctions/${f.name} was not built`)
    const config = parse(FunctionConfigFile, path.join(dir, 'config.json'))
    const variables: Record<string, DesiredVariable> = {}
    for (const [key, value] of Object.entries(config.envVariables ?? {})) variables[key] = { value, secret: false }
    const missingVariables: string[] = []
    for (const [key, template] of Object.entries(f.envVariables ?? {})) {
      const [, name, optional] = ENV_TEMPLATE.exec(template)!
      const value = env[name]
      if (value === undefined || value === '') {
        if (!optional) missingVariables.push(name)
        continue
      }
      if (key in variables) throw new ConfigError(`${f.name}: ${key} is set both in config.json and in cloudbaserc.json`)
      variables[key] = { value, secret: true }
    }
    return {
      name: f.name,
      dir,
      runtime: f.runtime,
      handler: f.handler,
      memorySize: f.memorySize,
      timeout: config.timeout,
      installDependency: f.installDependency,
      variables,
      missingVariables,
      triggers: config.triggers ?? [],
      openapi: [...config.permissions.openapi].sort(),
      codeSha: sha256Of([path.join(dir, 'index.js'), path.join(dir, 'package.json')]),
    }
  })
}

/** The font the weapp downloads at launch (src/services/mongolian-font.ts names its cloud path). */
export const MONGOLIAN_FONT_CLOUD_PATH = 'fonts/noto-sans-mongolian-400.woff2'

export function desiredFiles(): DesiredFile[] {
  const localPath = path.join(root, 'node_modules', '@fontsource', 'noto-sans-mongolian', 'files', 'noto-sans-mongolian-mongolian-400-normal.woff2')
  if (!existsSync(localPath)) throw new ConfigError(`${path.relative(root, localPath)} is missing: run npm ci`)
  const content = readFileSync(localPath)
  return [{ cloudPath: MONGOLIAN_FONT_CLOUD_PATH, localPath, md5: createHash('md5').update(content).digest('hex'), size: content.length }]
}

export function desiredState(env: Record<string, string | undefined>, sections: ReadonlySet<Section>): DesiredState {
  return {
    collections: sections.has('database') ? desiredCollections() : [],
    functions: sections.has('functions') || sections.has('wechat') ? desiredFunctions(env) : [],
    files: sections.has('storage') ? desiredFiles() : [],
    // Content-security verdicts on pictures (security.mediaCheckAsync) arrive as this event.
    messagePush: sections.has('wechat') ? [{ msgType: 'event', event: 'wxa_media_check', functionName: 'security' }] : [],
  }
}

export const SECTIONS = ['database', 'storage', 'functions', 'wechat'] as const
export type Section = (typeof SECTIONS)[number]
