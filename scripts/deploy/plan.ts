// Compares the desired state with what the cloud environment has and lists the changes, each with
// the call that makes it. Reading only reads; nothing is deleted unless `prune` is asked for.
// Functions carry in their description the digest of their code and of the openapi permissions
// last given to WeChat, since neither can be read back and compared otherwise.
import { createHash } from 'node:crypto'
import type { DesiredCollection, DesiredFunction, DesiredIndex, DesiredState, Section } from './desired'
import type { PushCallback, WeChatApi } from './wechat-api'

export type Op = '+' | '~' | '-'
export interface Change {
  section: Section
  op: Op
  resource: string
  details: string[]
  apply: () => Promise<void>
}
export interface Plan {
  changes: Change[]
  /** differences a deploy leaves alone (extra resources without --prune, a runtime change) */
  notes: string[]
}

/** The part of @cloudbase/manager-node the deploy uses (the tests run the real one). */
export interface CloudBaseManager {
  database: {
    listCollections(options: { MgoLimit: number; MgoOffset: number }): Promise<{ Collections: Array<{ CollectionName: string }> }>
    createCollection(name: string): Promise<unknown>
    deleteCollection(name: string): Promise<unknown>
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean }> }>
    updateCollection(name: string, info: { CreateIndexes?: unknown[]; DropIndexes?: Array<{ IndexName: string }> }): Promise<unknown>
  }
  functions: {
    listFunctions(limit: number, offset: number): Promise<Array<{ FunctionName: string }>>
    getFunctionDetail(name: string): Promise<Record<string, any>>
    createFunction(options: Record<string, unknown>): Promise<unknown>
    updateFunctionConfig(func: Record<string, unknown>): Promise<unknown>
    createFunctionTriggers(name: string, triggers: Array<{ name: string; type: string; config: string }>): Promise<unknown>
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
    deleteFunction(name: string): Promise<unknown>
  }
  storage: {
    getFileInfo(cloudPath: string): Promise<{ ETag?: string }>
    uploadFile(options: { localPath: string; cloudPath: string }): Promise<unknown>
  }
  commonService(service: string, version?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<any> }
}

export interface PlanContext {
  envId: string
  manager: CloudBaseManager
  wechat: WeChatApi | undefined
  functionRoot: string
  prune: boolean
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])])) : value
const sameJson = (a: string, b: string) => {
  try {
    return JSON.stringify(canonical(JSON.parse(a))) === JSON.stringify(canonical(JSON.parse(b)))
  } catch {
    return false
  }
}
const keysText = (index: Pick<DesiredIndex, 'keys' | 'unique'>) => `{${index.keys.map((k) => `${k.name}: ${k.direction}`).join(', ')}}${index.unique ? ' unique' : ''}`
const createIndexParam = (index: DesiredIndex) => ({ IndexName: index.name, MgoKeySchema: { MgoIndexKeys: index.keys.map((k) => ({ Name: k.name, Direction: k.direction })), MgoIsUnique: index.unique } })

// ---- database ---------------------------------------------------------------------------------

async function listCollectionNames(manager: CloudBaseManager): Promise<Set<string>> {
  const names = new Set<string>()
  for (let offset = 0; ; offset += 100) {
    const page = await manager.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
    page.Collections.forEach((c) => names.add(c.CollectionName))
    if (page.Collections.length < 100) return names
  }
}

async function planCollection(ctx: PlanContext, collection: DesiredCollection, exists: boolean, changes: Change[], notes: string[]) {
  const { manager, envId } = ctx
  const tcb = manager.commonService('tcb', '2018-06-08')
  if (!exists) {
    changes.push({ section: 'database', op: '+', resource: `collection ${collection.name}`, details: [], apply: async () => void (await manager.database.createCollection(collection.name)) })
  }
  const existing = exists ? ((await manager.database.describeCollection(collection.name)).Indexes ?? []).filter((i) => i.Name !== '_id_') : []
  for (const index of collection.indexes) {
    const found = existing.find((i) => i.Name === index.name)
    if (!found) {
      changes.push({ section: 'database', op: '+', resource: `index ${collection.name}.${index.name}`, details: [keysText(index)], apply: async () => void (await manager.database.updateCollection(collection.name, { CreateIndexes: [createIndexParam(index)] })) })
      continue
    }
    const actual = { keys: (found.Keys ?? []).map((k) => ({ name: k.Name ?? '', direction: String(k.Direction ?? '') as DesiredIndex['keys'][number]['direction'] })), unique: found.Unique === true }
    if (keysText(actual) !== keysText(index)) {
      changes.push({
        section: 'database',
        op: '~',
        resource: `index ${collection.name}.${index.name}`,
        details: [`${keysText(actual)} → ${keysText(index)} (dropped and created again)`],
        apply: async () => {
          await manager.database.updateCollection(collection.name, { DropIndexes: [{ IndexName: index.name }] })
          await manager.database.updateCollection(collection.name, { CreateIndexes: [createIndexParam(index)] })
        },
      })
    }
  }
  for (const extra of existing.filter((i) => !collection.indexes.some((d) => d.name === i.Name))) {
    if (ctx.prune) changes.push({ section: 'database', op: '-', resource: `index ${collection.name}.${extra.Name}`, details: [], apply: async () => void (await manager.database.updateCollection(collection.name, { DropIndexes: [{ IndexName: extra.Name }] })) })
    else notes.push(`index ${collection.name}.${extra.Name} is in the cloud but not in database.json (kept; --prune drops it)`)
  }
  const rule = exists ? ((await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: collection.name } })) as { AclTag?: string; Rule?: string }) : {}
  if (rule.AclTag !== 'CUSTOM' || !sameJson(rule.Rule ?? '', collection.rule)) {
    changes.push({
      section: 'database',
      op: exists ? '~' : '+',
      resource: `rule ${collection.name}`,
      details: [exists ? `${rule.AclTag === 'CUSTOM' ? rule.Rule : (rule.AclTag ?? 'none')} → ${collection.rule}` : collection.rule],
      apply: async () => void (await tcb.call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: collection.name, AclTag: 'CUSTOM', Rule: collection.rule } })),
    })
  }
}

async function planDatabase(ctx: PlanContext, desired: DesiredState, changes: Change[], notes: string[]) {
  const existing = await listCollectionNames(ctx.manager)
  for (const collection of desired.collections) await planCollection(ctx, collection, existing.has(collection.name), changes, notes)
  for (const extra of [...existing].filter((name) => !desired.collections.some((c) => c.name === name)).sort()) {
    if (ctx.prune) changes.push({ section: 'database', op: '-', resource: `collection ${extra}`, details: ['with all its documents'], apply: async () => void (await ctx.manager.database.deleteCollection(extra)) })
    else notes.push(`collection ${extra} is in the cloud but not in database.json (kept; --prune deletes it with its documents)`)
  }
}

// ---- functions --------------------------------------------------------------------------------

const DESCRIPTION_PREFIX = 'fengqiao-station'
export const openApiDigest = (openapi: string[]) => createHash('sha256').update(JSON.stringify(openapi)).digest('hex').slice(0, 12)
const describe = (code: string | undefined, openapi: string | undefined) => [DESCRIPTION_PREFIX, code && `code:${code}`, openapi && `openapi:${openapi}`].filter(Boolean).join(' ')
const digestIn = (description: string | undefined, part: 'code' | 'openapi') => new RegExp(`\\b${part}:([0-9a-f]+)`).exec(description ?? '')?.[1]

interface ActualFunction {
  runtime: string
  memorySize: number
  timeout: number
  variables: Record<string, string>
  triggers: Array<{ name: string; config: string }>
  description: string
}

function readFunction(detail: Record<string, any>): ActualFunction {
  return {
    runtime: String(detail.Runtime ?? ''),
    memorySize: Number(detail.MemorySize),
    timeout: Number(detail.Timeout),
    variables: Object.fromEntries(((detail.Environment?.Variables ?? []) as Array<{ Key: string; Value: string }>).map((v) => [v.Key, v.Value])),
    triggers: ((detail.Triggers ?? []) as Array<{ TriggerName: string; TriggerDesc?: string }>).map((t) => {
      // SCF answers a timer's TriggerDesc as {"cron":"…"}; older answers carry the bare expression.
      let config = t.TriggerDesc ?? ''
      try {
        const parsed = JSON.parse(config) as { cron?: string }
        if (parsed.cron) config = parsed.cron
      } catch {
        // the bare cron expression
      }
      return { name: t.TriggerName, config }
    }),
    description: String(detail.Description ?? ''),
  }
}

const variableText = (fn: DesiredFunction, key: string) => (fn.variables[key]?.secret ? `${key}=••••` : `${key}=${fn.variables[key]?.value}`)

function funcParam(fn: DesiredFunction, variables: Record<string, string>, description: string, withTriggers: boolean) {
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    installDependency: fn.installDependency,
    envVariables: variables,
    description,
    ...(withTriggers ? { triggers: fn.triggers } : {}),
  }
}

async function planFunctions(ctx: PlanContext, desired: DesiredState, sections: ReadonlySet<Section>, changes: Change[], notes: string[]) {
  const { manager } = ctx
  const existing = new Set((await manager.functions.listFunctions(100, 0)).map((f) => f.FunctionName))
  const actualByName = new Map<string, ActualFunction>()
  for (const fn of desired.functions) if (existing.has(fn.name)) actualByName.set(fn.name, readFunction(await manager.functions.getFunctionDetail(fn.name)))

  if (sections.has('functions')) {
    for (const fn of desired.functions) {
      const desiredVariables = Object.fromEntries(Object.entries(fn.variables).map(([k, v]) => [k, v.value]))
      const code = fn.codeSha.slice(0, 12)
      const actual = actualByName.get(fn.name)
      if (!actual) {
        changes.push({
          section: 'functions',
          op: '+',
          resource: `function ${fn.name}`,
          details: [`${fn.runtime}, ${fn.memorySize} MB, timeout ${fn.timeout} s, code ${code}, dependencies installed in the cloud`, ...Object.keys(fn.variables).sort().map((k) => `env ${variableText(fn, k)}`), ...fn.triggers.map((t) => `trigger ${t.name} ${t.config}`)],
          apply: async () => void (await manager.functions.createFunction({ func: funcParam(fn, desiredVariables, describe(code, undefined), true), functionRootPath: ctx.functionRoot, force: true, deployMode: 'zip' })),
        })
        continue
      }
      if (actual.runtime !== fn.runtime) notes.push(`function ${fn.name} runs ${actual.runtime} in the cloud, not ${fn.runtime}: a runtime is chosen only when a function is created (delete it in the console to recreate it)`)
      // Variables set in the console and absent here are kept unless --prune.
      const extraVariables = Object.keys(actual.variables).filter((k) => !(k in desiredVariables))
      const variables = { ...(ctx.prune ? {} : Object.fromEntries(extraVariables.map((k) => [k, actual.variables[k]]))), ...desiredVariables }
      const details: string[] = []
      const codeChanged = digestIn(actual.description, 'code') !== code
      if (codeChanged) details.push(`code ${digestIn(actual.description, 'code') ?? 'unknown'} → ${code}`)
      if (actual.timeout !== fn.timeout) details.push(`timeout ${actual.timeout} s → ${fn.timeout} s`)
      if (actual.memorySize !== fn.memorySize) details.push(`memory ${actual.memorySize} MB → ${fn.memorySize} MB`)
      for (const key of Object.keys(desiredVariables).sort()) {
        if (!(key in actual.variables)) details.push(`env + ${variableText(fn, key)}`)
        else if (actual.variables[key] !== desiredVariables[key]) details.push(fn.variables[key].secret ? `env ~ ${key} (value differs)` : `env ~ ${key}=${actual.variables[key]} → ${desiredVariables[key]}`)
      }
      for (const key of extraVariables) {
        if (ctx.prune) details.push(`env - ${key}`)
        else notes.push(`function ${fn.name} has env ${key} in the cloud but not in cloudbaserc.json or config.json (kept; --prune removes it)`)
      }
      if (details.length > 0) {
        const description = describe(code, digestIn(actual.description, 'openapi'))
        changes.push({
          section: 'functions',
          op: '~',
          resource: `function ${fn.name}`,
          details,
          apply: async () => {
            // createFunction with force uploads the code and then the configuration; triggers are
            // planned one by one below, so they are left out here.
            if (codeChanged) await manager.functions.createFunction({ func: funcParam(fn, variables, description, false), functionRootPath: ctx.functionRoot, force: true, deployMode: 'zip' })
            else await manager.functions.updateFunctionConfig(funcParam(fn, variables, description, false))
          },
        })
      }
      for (const trigger of fn.triggers) {
        const found = actual.triggers.find((t) => t.name === trigger.name)
        if (!found) changes.push({ section: 'functions', op: '+', resource: `trigger ${fn.name}.${trigger.name}`, details: [trigger.config], apply: async () => void (await manager.functions.createFunctionTriggers(fn.name, [trigger])) })
        else if (found.config !== trigger.config) {
          changes.push({
            section: 'functions',
            op: '~',
            resource: `trigger ${fn.name}.${trigger.name}`,
            details: [`${found.config} → ${trigger.config}`],
            apply: async () => {
              await manager.functions.deleteFunctionTrigger(fn.name, trigger.name)
              await manager.functions.createFunctionTriggers(fn.name, [trigger])
            },
          })
        }
      }
      for (const extra of actual.triggers.filter((t) => !fn.triggers.some((d) => d.name === t.name))) {
        if (ctx.prune) changes.push({ section: 'functions', op: '-', resource: `trigger ${fn.name}.${extra.name}`, details: [extra.config], apply: async () => void (await manager.functions.deleteFunctionTrigger(fn.name, extra.name)) })
        else notes.push(`trigger ${fn.name}.${extra.name} is in the cloud but not in config.json (kept; --prune deletes it)`)
      }
    }
    for (const extra of [...existing].filter((name) => !desired.functions.some((f) => f.name === name)).sort()) {
      if (ctx.prune) changes.push({ section: 'functions', op: '-', resource: `function ${extra}`, details: [], apply: async () => void (await manager.functions.deleteFunction(extra)) })
      else notes.push(`function ${extra} is in the cloud but not in cloudbaserc.json (kept; --prune deletes it)`)
    }
  }

  if (sections.has('wechat')) {
    for (const fn of desired.functions) {
      const digest = openApiDigest(fn.openapi)
      const actual = actualByName.get(fn.name)
      if (digestIn(actual?.description, 'openapi') === digest) continue
      changes.push({
        section: 'wechat',
        op: actual && digestIn(actual.description, 'openapi') ? '~' : '+',
        resource: `openapi permissions of ${fn.name}`,
        details: [fn.openapi.length > 0 ? fn.openapi.join(', ') : '(none)'],
        apply: async () => {
          if (!ctx.wechat) throw new Error('WeChat credentials are missing')
          await ctx.wechat.setOpenApiPermissions(ctx.envId, fn.name, fn.openapi)
          // Recorded only once WeChat has them, so a failure here is planned again next time.
          const current = readFunction(await manager.functions.getFunctionDetail(fn.name))
          await manager.functions.updateFunctionConfig({ name: fn.name, description: describe(digestIn(current.description, 'code'), digest) })
        },
      })
    }
  }
}

// ---- storage ----------------------------------------------------------------------------------

async function planStorage(ctx: PlanContext, desired: DesiredState, changes: Change[]) {
  for (const file of desired.files) {
    let etag: string | undefined
    try {
      etag = (await ctx.manager.storage.getFileInfo(file.cloudPath)).ETag
    } catch (error) {
      const e = error as { statusCode?: number; code?: string }
      if (e.statusCode !== 404 && e.code !== 'NotFound' && e.code !== '404') throw error
    }
    const md5 = etag?.replace(/"/g, '')
    if (md5 === file.md5) continue
    changes.push({
      section: 'storage',
      op: etag ? '~' : '+',
      resource: `file ${file.cloudPath}`,
      details: [`${(file.size / 1024).toFixed(0)} KB, md5 ${file.md5}${etag ? ` (cloud has ${md5})` : ''}`],
      apply: async () => void (await ctx.manager.storage.uploadFile({ localPath: file.localPath, cloudPath: file.cloudPath })),
    })
  }
}

// ---- WeChat message push ----------------------------------------------------------------------

async function planMessagePush(ctx: PlanContext, desired: DesiredState, changes: Change[]) {
  if (!ctx.wechat || desired.messagePush.length === 0) return
  const current = await ctx.wechat.messagePush()
  const wanted: PushCallback[] = desired.messagePush.map((p) => ({ ...p, env: ctx.envId, enable: true }))
  const same = (a: PushCallback, b: PushCallback) => a.msgType === b.msgType && a.event === b.event
  const missing = wanted.filter((w) => !current.callbacks.some((c) => same(c, w) && c.env === w.env && c.functionName === w.functionName && c.enable))
  if (current.enable && missing.length === 0) return
  // Other events pushed elsewhere (customer service, payments) are kept as they are.
  const callbacks = [...current.callbacks.filter((c) => !wanted.some((w) => same(c, w))), ...wanted]
  changes.push({
    section: 'wechat',
    op: current.callbacks.some((c) => wanted.some((w) => same(c, w))) ? '~' : '+',
    resource: 'message push',
    details: wanted.map((w) => `${w.msgType}/${w.event} → function ${w.functionName} of ${w.env}`),
    apply: async () => ctx.wechat!.setMessagePush(callbacks),
  })
}

export async function buildPlan(ctx: PlanContext, desired: DesiredState, sections: ReadonlySet<Section>): Promise<Plan> {
  const changes: Change[] = []
  const notes: string[] = []
  if (sections.has('database')) await planDatabase(ctx, desired, changes, notes)
  if (sections.has('storage')) await planStorage(ctx, desired, changes)
  if (sections.has('functions') || sections.has('wechat')) await planFunctions(ctx, desired, sections, changes, notes)
  if (sections.has('wechat')) await planMessagePush(ctx, desired, changes)
  // Applied in this order: collections before their indexes and rules, functions before the
  // permissions WeChat attaches to them and the push that calls `security`.
  const order: Section[] = ['database', 'storage', 'functions', 'wechat']
  changes.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section))
  return { changes, notes }
}
