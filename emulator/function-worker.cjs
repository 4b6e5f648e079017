'use strict'
// One cloud-function instance, run inside a worker thread by functions-host.ts.
// Plain CommonJS on purpose: a worker is a fresh isolate without tsx/jest transforms, and the
// deployed function code it loads is plain JS too.
// Like an SCF instance it loads the function module once (warm start), handles one invocation
// at a time, and gets the per-invocation context (WX_OPENID, WX_API_TOKEN, ...) through its own
// copy of process.env, which is what wx-server-sdk's getWXContext() and the node SDK read.

const { parentPort, workerData } = require('worker_threads')
const Module = require('module')
const path = require('path')

const { functionDir, modulePaths } = workerData

// The deployed folder has no node_modules: resolve bare requires (wx-server-sdk) from the
// project's node_modules, the way NODE_PATH would.
process.env.NODE_PATH = [...modulePaths, process.env.NODE_PATH].filter(Boolean).join(path.delimiter)
if (typeof Module._initPaths === 'function') Module._initPaths()

function serializeError(e) {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack }
  let message
  try {
    message = typeof e === 'string' ? e : JSON.stringify(e)
  } catch (_) {
    message = String(e)
  }
  return { name: 'Error', message: String(message), stack: undefined }
}

let currentId = null
let mod = null
let loadError = null
try {
  mod = require(path.join(functionDir, 'index.js'))
} catch (e) {
  loadError = e
}

process.on('uncaughtException', (e) => {
  parentPort.postMessage({ type: 'crash', id: currentId, error: serializeError(e) })
  process.exit(1)
})
process.on('unhandledRejection', (e) => {
  console.error('[emulator] unhandled promise rejection in function:', e)
})

const invocationKeys = new Set()

parentPort.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return
  currentId = msg.id
  for (const k of invocationKeys) delete process.env[k]
  invocationKeys.clear()
  for (const [k, v] of Object.entries(msg.env)) {
    if (v === undefined || v === null) continue
    process.env[k] = String(v)
    invocationKeys.add(k)
  }
  try {
    if (loadError) throw loadError
    const main = mod && (typeof mod.main === 'function' ? mod.main : mod.default && mod.default.main)
    if (typeof main !== 'function') throw new Error('the function module does not export main(event, context)')
    const result = await main(msg.event, msg.context)
    let json
    try {
      json = result === undefined ? undefined : JSON.stringify(result)
    } catch (e) {
      throw new Error('the return value is not JSON-serializable: ' + e.message)
    }
    parentPort.postMessage({ type: 'result', id: msg.id, ok: true, json })
  } catch (e) {
    parentPort.postMessage({ type: 'result', id: msg.id, ok: false, error: serializeError(e) })
  } finally {
    currentId = null
  }
})

parentPort.postMessage({ type: 'ready' })
