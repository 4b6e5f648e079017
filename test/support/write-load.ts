// A write-load process for the crash-recovery test: it sends the calls it is given to a running
// emulator's gateway, as many residents at once, and prints one line per answer, so the test knows
// exactly which writes were acknowledged before the emulator was killed.
//
//   node --import tsx test/support/write-load.ts <gateway url> <calls.json>
//
// calls.json: [{ "openid": "...", "name": "booking", "data": { "action": "book", ... } }, ...]
// Output lines: `ok <index> <json result data>`, `refused <index> <code>`, `down <index>`.
import { readFileSync } from 'node:fs'

interface Call {
  openid: string
  name: string
  data: Record<string, unknown>
}

const [url, callsFile] = process.argv.slice(2)
const calls = JSON.parse(readFileSync(callsFile, 'utf8')) as Call[]
const CONCURRENCY = 8

async function send(index: number) {
  const call = calls[index]
  try {
    const response = await fetch(`${url}/gateway/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': call.openid },
      body: JSON.stringify({ name: call.name, data: call.data }),
    })
    const body = (await response.json()) as { result?: { ok: boolean; data?: unknown; error?: { code: string } } }
    const result = body.result
    if (result?.ok) process.stdout.write(`ok ${index} ${JSON.stringify(result.data)}\n`)
    else process.stdout.write(`refused ${index} ${result?.error?.code ?? 'NO_RESULT'}\n`)
  } catch {
    process.stdout.write(`down ${index}\n`)
  }
}

async function main() {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls.length) await send(next++)
    }),
  )
}

void main()
