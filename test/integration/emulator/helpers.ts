// Shared setup for the emulator's own tests: a fresh emulator on a temp data dir, the real
// wx-server-sdk initialised against it, and fixture function folders written to a temp dir.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../emulator'
import { sdkInitOptions } from '../../../emulator/sdk-env'

export const tmpDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `emu-${prefix}-`))

export async function start(opts: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ dataDir: tmpDir('data'), port: 0, ...opts })
}

/** A separate wx-server-sdk instance pointed at `emu` (the real SDK, not a mock). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sdkFor(emu: { serviceUrl: string; envId: string }): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  return cloud.createNewInstance(sdkInitOptions(emu))
}

/** Write deployable function folders: { name: { 'index.js': src, 'config.json': {...} } }. */
export function writeFunctions(fns: Record<string, { index: string; config?: object }>): string {
  const dir = tmpDir('fns')
  for (const [name, f] of Object.entries(fns)) {
    fs.mkdirSync(path.join(dir, name))
    fs.writeFileSync(path.join(dir, name, 'index.js'), f.index)
    if (f.config) fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(f.config))
    fs.writeFileSync(path.join(dir, name, 'package.json'), JSON.stringify({ name, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }))
  }
  return dir
}

/** Catch a rejected promise's error for assertions. */
export async function failure(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string; message: string; code?: string }> {
  try {
    await p
  } catch (e) {
    return e as { errCode?: number; errMsg?: string; message: string; code?: string }
  }
  throw new Error('expected the promise to reject')
}

/** POST a raw body to the protocol endpoint. */
export async function rawPost(emu: Emulator, body: string | Buffer, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${emu.serviceUrl}?env=${emu.envId}&seqId=test`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}
