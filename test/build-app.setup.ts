// E2E needs the functions and the h5 build; h5 is rebuilt only when its sources are newer.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'

const root = path.resolve(__dirname, '..')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

export default async function buildAppForTests() {
  await buildFunctions({ quiet: true })
  const h5Index = path.join(root, 'dist', 'h5', 'index.html')
  const newestSource = Math.max(...['src', 'config'].map((dir) => newestMtime(path.join(root, dir))), statSync(path.join(root, 'babel.config.js')).mtimeMs)
  if (existsSync(h5Index) && newestSource <= statSync(h5Index).mtimeMs) return
  process.stdout.write('\nbuilding h5 for the e2e tests…\n')
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
}
