// Acknowledged writes survive kill -9 of the emulator process, and the journal compacts and
// recovers. The first suite drives `emulator/cli.ts serve` as a real child process.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { start, sdkFor, tmpDir } from './helpers'

const root = path.resolve(__dirname, '../../..')
const cli = path.join(root, 'emulator', 'cli.ts')
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

interface Served {
  child: ChildProcess
  url: string
}

/** `node --import tsx emulator/cli.ts serve`: one process, so SIGKILL really kills the emulator. */
function serve(dataDir: string): Promise<Served> {
  const cwd = tmpDir('cwd')
  fs.writeFileSync(path.join(cwd, 'emulator.config.json'), JSON.stringify({ dataDir, port: 0 }))
  const child = spawn(process.execPath, ['--import', tsxLoader, cli, 'serve'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /ready: (http:\/\/\S+)/.exec(out)
      if (m) resolve({ child, url: m[1] })
    })
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
}

function kill9(s: Served): Promise<void> {
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve())
    s.child.kill('SIGKILL')
  })
}

const endpoint = (url: string) => ({ serviceUrl: `${url}/admin`, envId: 'local' })

describe('kill -9', () => {
  const dataDir = tmpDir('durable')
  let served: Served | undefined
  afterAll(async () => {
    if (served && served.child.exitCode === null && served.child.signalCode === null) await kill9(served)
  })

  it('keeps every acknowledged write', async () => {
    served = await serve(dataDir)
    let db = sdkFor(endpoint(served.url)).database()
    const _ = db.command
    await db.createCollection('orders')
    const added = await Promise.all(Array.from({ length: 40 }, (_unused, i) => db.collection('orders').add({ data: { i, at: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) } })))
    await db.collection('orders').where({ i: _.lt(10) }).update({ data: { cheap: true } })
    await db.collection('orders').doc(added[39]._id).remove()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.runTransaction(async (t: any) => {
      await t.collection('orders').doc(added[0]._id).update({ data: { paid: true } })
    })
    await kill9(served)

    served = await serve(dataDir)
    db = sdkFor(endpoint(served.url)).database()
    expect((await db.collection('orders').count()).total).toBe(39)
    expect((await db.collection('orders').where({ cheap: true }).count()).total).toBe(10)
    const first = (await db.collection('orders').doc(added[0]._id).get()).data
    expect(first).toMatchObject({ i: 0, cheap: true, paid: true })
    expect(first.at).toEqual(new Date(Date.UTC(2024, 0, 1)))
    await kill9(served)
  })
})

describe('journal', () => {
  it('compacts into snapshots and recovers the same data', async () => {
    const dataDir = tmpDir('compact')
    let emu = await start({ dataDir, compactBytes: 4096 })
    let db = sdkFor(emu).database()
    await db.createCollection('c')
    for (let i = 0; i < 30; i++) await db.collection('c').add({ data: { _id: `d${i}`, payload: 'p'.repeat(200), i } })
    await db.collection('c').doc('d3').remove()
    await db.collection('c').doc('d4').update({ data: { i: 400 } })
    const files = fs.readdirSync(path.join(dataDir, 'db'))
    expect(files.some((f) => f.startsWith('snap-'))).toBe(true)
    await emu.stop()

    emu = await start({ dataDir })
    db = sdkFor(emu).database()
    expect((await db.collection('c').count()).total).toBe(29)
    expect((await db.collection('c').doc('d4').get()).data.i).toBe(400)
    await emu.stop()
  })

  it('ignores a torn last journal line', async () => {
    const dataDir = tmpDir('torn')
    let emu = await start({ dataDir })
    await emu.seed({ k: [{ _id: 'a', v: 1 }] })
    await emu.stop()
    const wal = fs.readdirSync(path.join(dataDir, 'db')).find((f) => f.startsWith('wal-'))!
    fs.appendFileSync(path.join(dataDir, 'db', wal), '{"s":99,"ops":[{"c":"k","k":"p","d":{"_id":"b"')
    emu = await start({ dataDir })
    const db = sdkFor(emu).database()
    expect((await db.collection('k').get()).data).toEqual([{ _id: 'a', v: 1 }])
    await db.collection('k').add({ data: { _id: 'c' } })
    await emu.stop()
    emu = await start({ dataDir })
    expect((await sdkFor(emu).database().collection('k').count()).total).toBe(2)
    await emu.stop()
  })

  it('refuses a data dir held by a running emulator', async () => {
    const dataDir = tmpDir('locked')
    const emu = await start({ dataDir })
    await expect(start({ dataDir })).rejects.toThrow('already used')
    await emu.stop()
  })
})
