// npm start: build the h5 app and the functions, start the local cloud with the demo bureau
// (seeded on the first start only; later starts keep the data), serve the app, stop on Ctrl-C.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildFunctions } from './build-functions'
import { DEMO_OPENIDS, demoSeed } from './demo-seed'
import { dataDir, root, seededMarker, startLocalCloud } from './local-cloud'

async function main() {
  const port = Number(process.env.PORT ?? 10086)

  console.log('[1/3] building the h5 app (about a minute on two cores)…')
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  console.log('[2/3] bundling cloud functions…')
  await buildFunctions()
  console.log('[3/3] starting the local cloud…')
  mkdirSync(dataDir, { recursive: true })
  const cloud = await startLocalCloud({ dataDir, port, staticDir: path.join(root, 'dist', 'h5'), timers: true })
  if (!existsSync(seededMarker)) {
    await cloud.seed(demoSeed())
    writeFileSync(seededMarker, new Date().toISOString())
    console.log('seeded the demo bureau, 乌拉特后旗公安局 with 3 stations (run `npm run cloud -- reset` and restart to seed again)')
  }

  console.log(`
Fengqiao Station is running.
  app:      ${cloud.url}/
  gateway:  ${cloud.url}/gateway/call   (h5 → cloud functions, as the chosen demo identity)
  emulator: ${cloud.url}/__emulator/stats
  demo identities: ${DEMO_OPENIDS.join(', ')}
Press Ctrl-C to stop.`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\nstopping…')
    await cloud.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
