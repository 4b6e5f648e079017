// npm run deploy against a local fake of the Tencent Cloud and WeChat APIs (every other network
// connection refused), with the real @cloudbase/manager-node: a first deploy creates everything,
// a second changes nothing, drift in an index, rule, timeout, trigger or variable is planned and
// put back, a failure half-way is reported and a re-run completes it, missing or wrong
// credentials send nothing, and no secret appears in anything printed.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { deploy } from '../../scripts/deploy/main'
import { FAKE_ACCESS_TOKEN, FAKE_CREDENTIALS, FakeTencentCloud } from '../support/fake-tencent-cloud'

const root = path.resolve(__dirname, '../..')
const database = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', 'database.json'), 'utf8')) as { collections: Array<{ name: string; indexes: Array<{ name: string }> }> }
const functionNames = (JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string }> }).functions.map((f) => f.name)
const PERSONAL_DATA_KEY = Buffer.alloc(32, 7).toString('base64')
const SECRETS = [FAKE_CREDENTIALS.TENCENTCLOUD_SECRETID, FAKE_CREDENTIALS.TENCENTCLOUD_SECRETKEY, FAKE_CREDENTIALS.WX_APPSECRET, FAKE_ACCESS_TOKEN, PERSONAL_DATA_KEY, 'k-2026-test']

let cloud: FakeTencentCloud
const printed: string[] = []

function environment(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...FAKE_CREDENTIALS, PERSONAL_DATA_KEY, PERSONAL_DATA_KEY_ID: 'k-2026-test', WECHAT_API_BASE: `${cloud.url}/wechat`, ...overrides }
}

async function run(args: string[], env = environment()): Promise<{ code: number; output: string }> {
  const lines: string[] = []
  const code = await deploy({ argv: ['--env', cloud.envId, ...args], env, envFile: path.join(root, 'test', 'no-such.env.local'), build: false, print: (line) => lines.push(line) })
  printed.push(...lines)
  return { code, output: lines.join('\n') }
}

beforeAll(async () => {
  cloud = new FakeTencentCloud()
  await cloud.start()
  process.env.TCB_BASE_URL = cloud.url
})
afterAll(async () => {
  delete process.env.TCB_BASE_URL
  await cloud.stop()
})

describe('npm run deploy', () => {
  it('--plan --offline prints every collection and function with no credentials and sends nothing', async () => {
    const { code, output } = await run(['--plan', '--offline'], {})
    expect(code).toBe(0)
    for (const c of database.collections) expect(output).toContain(`collection ${c.name} `)
    for (const name of functionNames) expect(output).toContain(`function ${name} `)
    expect(output).toContain('message push event/wxa_media_check → function security')
    expect(output).toContain('env PERSONAL_DATA_KEY NOT SET')
    expect(cloud.calls).toEqual([])
  })

  it('names every missing credential and sends nothing', async () => {
    const { code, output } = await run([], environment({ TENCENTCLOUD_SECRETKEY: undefined, WX_APPSECRET: undefined, PERSONAL_DATA_KEY: undefined }))
    expect(code).toBe(1)
    expect(output).toMatch(/Nothing was sent: TENCENTCLOUD_SECRETKEY, WX_APPSECRET, PERSONAL_DATA_KEY are not set/)
    expect(cloud.calls).toEqual([])
  })

  it('refuses a PERSONAL_DATA_KEY the functions would refuse, without printing it', async () => {
    const { code, output } = await run(['--plan'], environment({ PERSONAL_DATA_KEY: 'too-short-a-key-for-aes' }))
    expect(code).toBe(1)
    expect(output).toContain('Nothing was sent: PERSONAL_DATA_KEY is 17 bytes, not 32')
    expect(output).not.toContain('too-short-a-key-for-aes')
    expect(cloud.calls).toEqual([])
  })

  it('stops on wrong Tencent Cloud or WeChat credentials before changing anything', async () => {
    const wrongKey = await run([], environment({ TENCENTCLOUD_SECRETKEY: 'not-the-right-key-0123456789' }))
    expect(wrongKey.code).toBe(1)
    expect(wrongKey.output).toContain('Tencent Cloud refused the credentials (AuthFailure.SignatureFailure)')
    const wrongWeChat = await run([], environment({ WX_APPSECRET: 'not-the-right-secret-0123456789' }))
    expect(wrongWeChat.code).toBe(1)
    expect(wrongWeChat.output).toContain('WeChat refused WX_APPID/WX_APPSECRET (40125)')
    expect(cloud.writes()).toEqual([])
  })

  it('plans the whole environment, exits 2, and changes nothing', async () => {
    const { code, output } = await run(['--plan'])
    expect(code).toBe(2)
    const indexCount = database.collections.reduce((n, c) => n + c.indexes.length, 0)
    expect(output).toContain(`Plan: ${database.collections.length * 2 + indexCount + functionNames.length + 1 + functionNames.length + 1} to create, 0 to change, 0 to delete.`)
    expect(cloud.writes()).toEqual([])
  })

  it('reports a failure half-way, and a re-run completes the deploy', async () => {
    cloud.failOn('CreateFunction', (p) => p.FunctionName === 'mediation')
    const first = await run([])
    expect(first.code).toBe(1)
    expect(first.output).toMatch(/FAILED \+ function mediation: .*injected failure of CreateFunction/)
    expect(first.output).toMatch(/Applied \d+ of \d+ changes; \d+ not applied\. Fix the cause and run the same command again/)
    expect(cloud.functions.has('booking')).toBe(true)
    expect(cloud.functions.has('mediation')).toBe(false)

    const second = await run([])
    expect(second.code).toBe(0)
    expect(second.output).toContain('+ functions function mediation')
    expect(second.output).not.toContain('+ database')
  }, 240_000)

  it('leaves the cloud as the repository describes it', () => {
    expect([...cloud.collections.keys()].sort()).toEqual(database.collections.map((c) => c.name).sort())
    const bookings = cloud.collections.get('bookings')!
    expect(bookings.indexes.find((i) => i.Name === 'unique_seat')).toEqual({ Name: 'unique_seat', Keys: [{ Name: 'seat', Direction: '1' }], Unique: true })
    expect(bookings.aclTag).toBe('CUSTOM')
    expect(JSON.parse(bookings.rule)).toEqual({ read: false, write: false })
    const booking = cloud.functions.get('booking')!
    expect(booking).toMatchObject({ Runtime: 'Nodejs16.13', MemorySize: 256, Timeout: 20, InstallDependency: 'TRUE' })
    expect(booking.Variables).toEqual(expect.arrayContaining([{ Key: 'PERSONAL_DATA_KEY', Value: PERSONAL_DATA_KEY }, { Key: 'PERSONAL_DATA_KEY_ID', Value: 'k-2026-test' }]))
    expect(booking.Triggers.map((t) => t.TriggerName).sort()).toEqual(['generateSlots', 'markNoShows', 'reconcile', 'sendReminders'])
    expect(cloud.functions.get('account')!.Variables).toContainEqual({ Key: 'AUDIT_RETENTION_DAYS', Value: '365' })
    expect(cloud.openapi.get('notices')).toEqual(['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send'])
    expect(cloud.push).toEqual({ enable: true, callbacks: [{ msgType: 'event', event: 'wxa_media_check', env: cloud.envId, functionName: 'security', enable: true }] })
    const font = readFileSync(path.join(root, 'node_modules/@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-mongolian-400-normal.woff2'))
    expect(cloud.files.get('fonts/noto-sans-mongolian-400.woff2')?.equals(font)).toBe(true)
  })

  it('changes nothing on a second deploy, and a plan then exits 0', async () => {
    const before = cloud.writes().length
    const again = await run([])
    expect(again.code).toBe(0)
    expect(again.output).toContain('No changes: the environment matches the repository.')
    expect((await run(['--plan'])).code).toBe(0)
    expect(cloud.writes().length).toBe(before)
  })

  it('plans and puts back a changed index, rule, timeout, trigger and variable', async () => {
    const bookings = cloud.collections.get('bookings')!
    bookings.indexes = bookings.indexes.map((i) => (i.Name === 'by_owner' ? { ...i, Keys: [{ Name: 'openid', Direction: '1' }] } : i))
    cloud.collections.get('users')!.rule = JSON.stringify({ read: true, write: false })
    cloud.functions.get('notices')!.Timeout = 3
    const mediation = cloud.functions.get('mediation')!
    mediation.Triggers = mediation.Triggers.map((t) => (t.TriggerName === 'escalateOverdue' ? { ...t, TriggerDesc: JSON.stringify({ cron: '0 0 * * * * *' }) } : t))
    const rotated = Buffer.alloc(32, 9).toString('base64')
    SECRETS.push(rotated)

    const plan = await run(['--plan'], environment({ PERSONAL_DATA_KEY: rotated }))
    expect(plan.code).toBe(2)
    expect(plan.output).toContain('~ database  index bookings.by_owner\n      {openid: 1} → {openid: 1, startsAt: -1} (dropped and created again)')
    expect(plan.output).toContain('~ database  rule users\n      {"read":true,"write":false} → {"read":false,"write":false}')
    expect(plan.output).toMatch(/~ functions function notices\n {6}timeout 3 s → 60 s/)
    expect(plan.output).toContain('~ functions trigger mediation.escalateOverdue\n      0 0 * * * * * → 0 */10 * * * * *')
    expect(plan.output).toContain('env ~ PERSONAL_DATA_KEY (value differs)')
    expect(plan.output).toContain('Plan: 0 to create, 9 to change, 0 to delete.')

    expect((await run([], environment({ PERSONAL_DATA_KEY: rotated }))).code).toBe(0)
    expect(cloud.collections.get('bookings')!.indexes.find((i) => i.Name === 'by_owner')!.Keys).toEqual([{ Name: 'openid', Direction: '1' }, { Name: 'startsAt', Direction: '-1' }])
    expect(cloud.functions.get('notices')!.Timeout).toBe(60)
    expect(cloud.functions.get('booking')!.Variables).toContainEqual({ Key: 'PERSONAL_DATA_KEY', Value: rotated })
    expect((await run(['--plan'], environment({ PERSONAL_DATA_KEY: rotated }))).code).toBe(0)
  }, 120_000)

  it('deletes what the repository does not declare only with --prune', async () => {
    cloud.collections.set('old_things', { indexes: [], aclTag: 'ADMINONLY', rule: '' })
    const kept = await run([], environment({ PERSONAL_DATA_KEY: SECRETS[SECRETS.length - 1] }))
    expect(kept.code).toBe(0)
    expect(kept.output).toContain('! collection old_things is in the cloud but not in database.json (kept; --prune deletes it with its documents)')
    expect(cloud.collections.has('old_things')).toBe(true)
    const pruned = await run(['--prune', '--only', 'database'])
    expect(pruned.output).toContain('- database  collection old_things')
    expect(cloud.collections.has('old_things')).toBe(false)
  })

  it('declares on each function every environment variable its bundle reads', () => {
    const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; envVariables?: Record<string, string> }> }
    const declaredBy = (name: string) => {
      const config = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8')) as { envVariables?: Record<string, string> }
      return new Set([...Object.keys(rc.functions.find((f) => f.name === name)?.envVariables ?? {}), ...Object.keys(config.envVariables ?? {})])
    }
    // Every name any function declares, and every process.env.NAME: a bundle that mentions one reads it.
    const known = new Set(functionNames.flatMap((name) => [...declaredBy(name)]))
    for (const name of functionNames) {
      const bundle = readFileSync(path.join(root, 'dist', 'cloudfunctions', name, 'index.js'), 'utf8')
      const read = new Set([...bundle.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))
      for (const variable of known) if (new RegExp(`["'.]${variable}(?![A-Za-z0-9_])`).test(bundle)) read.add(variable)
      expect({ name, undeclared: [...read].filter((v) => !declaredBy(name).has(v)) }).toEqual({ name, undeclared: [] })
    }
  })

  it('printed no secret, key or token anywhere', () => {
    const all = printed.join('\n')
    expect(all.length).toBeGreaterThan(1000)
    for (const secret of SECRETS) expect(all).not.toContain(secret)
  })
})
