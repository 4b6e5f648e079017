// E2E needs the functions and the h5 build; h5 is rebuilt only when its sources are newer.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { newestMtime } from '../scripts/newest-mtime'

const root = path.resolve(__dirname, '..')

export default async function buildAppForTests() {
  await buildFunctions({ quiet: true })
  const h5Index = path.join(root, 'dist', 'h5', 'index.html')
  const newestSource = Math.max(...['src', 'config'].map((dir) => newestMtime(path.join(root, dir))), statSync(path.join(root, 'babel.config.js')).mtimeMs)
  if (existsSync(h5Index) && newestSource <= statSync(h5Index).mtimeMs) return
  process.stdout.write('\nbuilding h5 for the e2e tests…\n')
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
}
