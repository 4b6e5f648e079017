// Admin HTTP API, static hosting with SPA fallback, and the CLI (in-process and against a
// running emulator).
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Emulator } from '../../../emulator'
import { start, tmpDir, writeFunctions } from './helpers'

const root = path.resolve(__dirname, '../../..')
const cli = path.join(root, 'emulator', 'cli.ts')
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

const functionsDir = writeFunctions({
  hello: {
    index: `const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => ({ hi: cloud.getWXContext().OPENID || null, n: event.n, kind: event.Type })`,
    config: { triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }] },
  },
})
fs.writeFileSync(
  path.join(functionsDir, 'hello', 'actions.json'),
  JSON.stringify({ function: 'hello', actions: [{ name: 'greet', roles: ['resident', 'admin'], input: { type: 'object', properties: { name: { type: 'string' }, loud: { type: 'boolean' } }, required: ['name'] } }] }),
)

const staticDir = tmpDir('static')
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
fs.mkdirSync(path.join(staticDir, 'js'))
fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')

describe('admin HTTP API and static files', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await start({ functionsDir, staticDir })
  })
  afterAll(() => emu.stop())

  const admin = async (route: string, body?: unknown) => {
    const r = await fetch(`${emu.url}/__emulator/${route}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { status: r.status, json: (await r.json()) as Record<string, any> }
  }

  it('seeds (EJSON dates too), counts, resets', async () => {
    expect((await admin('seed', { collections: { notes: [{ _id: 'n1', at: { $date: '2024-01-01T00:00:00Z' } }] } })).json.ok).toBe(true)
    expect((await admin('stats')).json.writes).toBe(0)
    expect((await admin('content-rules', { risky: ['bad'] })).json).toEqual({ risky: ['bad'], review: [] })
    expect((await admin('timers/run', { name: 'hello' })).json.result).toEqual({ hi: null, kind: 'Timer' })
    expect((await admin('outbox')).json).toEqual([])
    expect((await admin('stats/reset', {})).json.ok).toBe(true)
    expect((await admin('reset', {})).json.ok).toBe(true)
    expect((await admin('seed', { collections: 'nope' })).status).toBe(400)
    expect((await admin('nope')).status).toBe(404)
    const bad = await fetch(`${emu.url}/__emulator/seed`, { method: 'POST', body: '{oops' })
    expect(bad.status).toBe(400)
  })

  it('serves the static build with SPA fallback', async () => {
    expect(await (await fetch(`${emu.url}/js/app.js`)).text()).toBe('console.log(1)')
    const page = await fetch(`${emu.url}/pages/profile/index`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<title>app</title>')
    expect((await fetch(`${emu.url}/js/missing.js`)).status).toBe(404)
    // traversal stays inside the static dir (and falls back to the SPA page)
    expect(await (await fetch(`${emu.url}/..%2f..%2f..%2fetc%2fpasswd`)).text()).not.toContain('root:')
  })
})

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', tsxLoader, cli, ...args], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

describe('CLI', () => {
  let cwd: string
  beforeAll(async () => {
    cwd = tmpDir('cli')
    fs.writeFileSync(path.join(cwd, 'seed.ts'), `export default () => ({ notes: [{ _id: 'a', at: new Date('2024-02-03T00:00:00Z') }, { _id: 'b' }] })\n`)
    fs.writeFileSync(path.join(cwd, 'emulator.config.json'), JSON.stringify({ functionsDir, dataDir: 'data', seed: 'seed.ts', port: await freePort() }))
  })

  it('lists actions as a table and as JSON', async () => {
    const table = await run(['actions'], cwd)
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/hello\s+greet\s+resident,admin\s+name, loud\?/)
    const json = await run(['actions', '--json'], cwd)
    expect(JSON.parse(json.stdout)[0].actions[0].name).toBe('greet')
  })

  it('seeds and calls in-process, with clear errors', async () => {
    const seeded = await run(['seed'], cwd)
    expect(seeded.stdout).toContain('{"notes":2}')
    const called = await run(['call', 'hello', '{"n":3}', '--as', 'o-cli'], cwd)
    expect(called.code).toBe(0)
    expect(JSON.parse(called.stdout)).toEqual({ hi: 'o-cli', n: 3 })
    const missing = await run(['call', 'nope'], cwd)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^cloud: errCode -501000/)
    const bad = await run(['frobnicate'], cwd)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('unknown command')
    expect((await run(['stats'], cwd)).stderr).toContain('no emulator is serving')
  })

  it('talks to a running emulator on the configured port', async () => {
    const child = spawn(process.execPath, ['--import', tsxLoader, cli, 'serve'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString()
          if (out.includes('ready: ')) resolve()
        })
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)))
      })
      const called = await run(['call', 'hello', '{"n":1}', '--as', 'o-remote'], cwd)
      expect(JSON.parse(called.stdout)).toEqual({ hi: 'o-remote', n: 1 })
      const stats = JSON.parse((await run(['stats'], cwd)).stdout)
      expect(stats.byAction['gateway.call']).toBe(1)
      expect((await run(['timers', 'run', 'hello', 'nightly'], cwd)).code).toBe(0)
      expect((await run(['serve'], cwd)).stderr).toContain('already serving')
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    // a clean shutdown releases the data dir
    expect(fs.existsSync(path.join(cwd, 'data', 'LOCK'))).toBe(false)
  })

  it('finds a running emulator on another port than the configured one (PORT=8080 npm start)', async () => {
    const otherPort = await freePort()
    const child = spawn(process.execPath, ['--import', tsxLoader, cli, 'serve', '--port', String(otherPort)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString()
          if (out.includes('ready: ')) resolve()
        })
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)))
      })
      const called = await run(['call', 'hello', '{"n":2}', '--as', 'o-elsewhere'], cwd)
      expect(called.stderr).not.toContain('in use by another emulator')
      expect(JSON.parse(called.stdout)).toEqual({ hi: 'o-elsewhere', n: 2 })
      const stats = JSON.parse((await run(['stats'], cwd)).stdout)
      expect(stats.byAction['gateway.call']).toBe(1)
      expect((await run(['serve'], cwd)).stderr).toContain(`already serving at http://127.0.0.1:${otherPort}`)
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    expect(fs.existsSync(path.join(cwd, 'data', 'SERVING'))).toBe(false)
  })
})
