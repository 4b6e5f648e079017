// npm run cloud -- <command>: the emulator's CLI (emulator/cli.ts), made ready for this project
// first: functions built when their sources changed, and the demo station seeded into
// .localcloud/ on first use, so `npm run cloud -- call …` works on a fresh clone.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildFunctions, functionsOutDir } from './build-functions'
import { demoSeed } from './demo-seed'
import { dataDir, root, seededMarker, startLocalCloud } from './local-cloud'
import { newestMtime } from './newest-mtime'

async function ensureFunctionsBuilt() {
  const builtAt = existsSync(functionsOutDir) ? statSync(functionsOutDir).mtimeMs : 0
  const sourcesAt = Math.max(newestMtime(path.join(root, 'cloudfunctions')), newestMtime(path.join(root, 'src', 'core')))
  if (sourcesAt > builtAt) {
    // On stderr: stdout carries the command's answer (`actions --json` is read by programs).
    const names = await buildFunctions({ quiet: true })
    console.error(`built ${names.length} cloud function(s) into dist/cloudfunctions: ${names.join(', ')}`)
  }
}

/** Seeds the demo station once; a running emulator (npm start) has seeded it already. */
async function ensureDemoSeeded() {
  if (existsSync(seededMarker)) return
  mkdirSync(dataDir, { recursive: true })
  const cloud = await startLocalCloud({ dataDir })
  try {
    await cloud.seed(demoSeed())
  } finally {
    await cloud.stop()
  }
  writeFileSync(seededMarker, new Date().toISOString())
  console.error('seeded the demo station into .localcloud/')
}

async function main(args: string[]) {
  const command = args[0]
  await ensureFunctionsBuilt()
  if (command === 'call' || command === 'outbox' || command === 'stats') await ensureDemoSeeded()
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'emulator', 'cli.ts'), ...args], { cwd: root, stdio: 'inherit' })
  if (result.status === 0 && command === 'seed') writeFileSync(seededMarker, new Date().toISOString())
  if (result.status === 0 && command === 'reset') rmSync(seededMarker, { force: true })
  process.exit(result.status ?? 1)
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
