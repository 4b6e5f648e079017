// E2E needs Chromium and fonts (installed when missing: scripts/provision-browser.ts), the
// functions, the h5 build the browser runs and the weapp build the bundle test reads; each build
// is redone only when its sources are newer.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { newestMtime } from '../scripts/newest-mtime'
import { provisionBrowser } from '../scripts/provision-browser'

const root = path.resolve(__dirname, '..')

/** Builds one Taro target unless its output is newer than every source. */
function buildIfStale(type: 'h5' | 'weapp', marker: string, newestSource: number) {
  if (existsSync(marker) && newestSource <= statSync(marker).mtimeMs) return
  process.stdout.write(`\nbuilding ${type} for the e2e tests…\n`)
  execFileSync('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
}

export default async function buildAppForTests() {
  // First, so a machine that cannot run the browser says so before minutes of building.
  provisionBrowser()
  await buildFunctions({ quiet: true })
  const newestSource = Math.max(...['src', 'config'].map((dir) => newestMtime(path.join(root, dir))), statSync(path.join(root, 'babel.config.js')).mtimeMs)
  buildIfStale('h5', path.join(root, 'dist', 'h5', 'index.html'), newestSource)
  // The mini-program build is the production one: the bundle test checks what it carries.
  buildIfStale('weapp', path.join(root, 'dist', 'weapp', 'app.json'), newestSource)
}
