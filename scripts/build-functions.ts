// Bundles each cloud function into a deployable folder: dist/cloudfunctions/<name>/{index.js,
// package.json, config.json, actions.json}. Shared code (src/core, cloudfunctions/_shared) is
// bundled in; wx-server-sdk stays external because the cloud installs it from package.json.
import { build } from 'esbuild'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { actionManifest } from '../src/core/contract'
import { contracts } from '../src/core/functions'

const root = path.resolve(__dirname, '..')
const sourceDir = path.join(root, 'cloudfunctions')
export const functionsOutDir = path.join(root, 'dist', 'cloudfunctions')

export const functionNames = () =>
  readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && existsSync(path.join(sourceDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)

const WX_SERVER_SDK_VERSION = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies['wx-server-sdk'] as string

/**
 * Builds into a fresh folder beside the output and swaps it in, so an emulator that is serving
 * the functions (npm start, a test run) never sees a half-written or missing function.
 */
export async function buildFunctions(options: { quiet?: boolean } = {}) {
  mkdirSync(path.dirname(functionsOutDir), { recursive: true })
  const stagingDir = mkdtempSync(`${functionsOutDir}.staging-`)
  const names = functionNames()
  await Promise.all(
    names.map(async (name) => {
      const outDir = path.join(stagingDir, name)
      mkdirSync(outDir, { recursive: true })
      await build({
        entryPoints: [path.join(sourceDir, name, 'index.ts')],
        outfile: path.join(outDir, 'index.js'),
        bundle: true,
        platform: 'node',
        // WeChat cloud functions run on Node.js 16 or later.
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      })
      writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION } }, null, 2) + '\n')
      writeFileSync(path.join(outDir, 'config.json'), readFileSync(path.join(sourceDir, name, 'config.json')))
      const contract = contracts[name as keyof typeof contracts]
      if (!contract) throw new Error(`cloudfunctions/${name} has no contract in src/core/functions.ts`)
      writeFileSync(path.join(outDir, 'actions.json'), JSON.stringify(actionManifest(contract), null, 2) + '\n')
    }),
  )
  const previousDir = `${stagingDir}.previous`
  if (existsSync(functionsOutDir)) renameSync(functionsOutDir, previousDir)
  renameSync(stagingDir, functionsOutDir)
  rmSync(previousDir, { recursive: true, force: true })
  if (!options.quiet) console.log(`built ${names.length} cloud function(s) into ${path.relative(root, functionsOutDir)}: ${names.join(', ')}`)
  return names
}

if (require.main === module) {
  buildFunctions().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
