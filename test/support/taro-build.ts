// The Taro builds the e2e and weapp tiers test, each redone only when a source is newer than it.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { newestMtime } from '../../scripts/newest-mtime'

const root = path.resolve(__dirname, '..', '..')
/** The file each build writes last-ish; its age is the build's age. */
const markers = { h5: path.join(root, 'dist', 'h5', 'index.html'), weapp: path.join(root, 'dist', 'weapp', 'app.json') }

function newestSource(): number {
  // project.config.json is copied into the weapp output (its es6/enhance settings are tested there).
  const files = ['babel.config.js', 'project.config.json'].map((file) => statSync(path.join(root, file)).mtimeMs)
  return Math.max(...['src', 'config'].map((dir) => newestMtime(path.join(root, dir))), ...files)
}

/** Builds one Taro target (the production build, as shipped) unless its output is newer than every source. */
export function buildTaroIfStale(type: 'h5' | 'weapp') {
  const marker = markers[type]
  if (existsSync(marker) && newestSource() <= statSync(marker).mtimeMs) return
  process.stdout.write(`\nbuilding ${type} for the tests…\n`)
  execFileSync('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
}
