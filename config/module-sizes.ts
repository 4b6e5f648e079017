// Records which modules went into each emitted weapp file, for the bundle analysis of
// `npm run bench -- sizes`: the packages' byte counts say how big they are, this says why.
// Written next to the output (dist/weapp.modules.json), not in it, so it is neither uploaded nor
// counted in a package's size. Sizes are the modules' sizes before minification: webpack knows no
// minified size per module, and the ranking is what the analysis is for.
import { writeFileSync } from 'node:fs'
import type { Compiler, Module } from 'webpack'

export interface ModuleSizes {
  /** Emitted file (relative to the output folder) → the modules it carries, with their source sizes. */
  files: Record<string, Array<{ module: string; bytes: number }>>
}

export class ModuleSizesPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.done.tap('ModuleSizesPlugin', (stats) => {
      const { chunkGraph, chunks } = stats.compilation
      const outDir = compiler.options.output.path ?? ''
      const files: ModuleSizes['files'] = {}
      for (const chunk of chunks) {
        // A concatenated module (scope hoisting) is listed as the modules it joined, so each keeps its origin.
        const modules = chunkGraph
          .getChunkModules(chunk)
          .flatMap((m) => (m as Module & { modules?: Module[] }).modules ?? [m])
          .map((m) => ({ module: m.readableIdentifier(stats.compilation.requestShortener), bytes: m.size() }))
        for (const file of chunk.files) if (file.endsWith('.js')) files[file] = modules
      }
      writeFileSync(`${outDir.replace(/[\\/]$/, '')}.modules.json`, JSON.stringify({ files } satisfies ModuleSizes))
    })
  }
}
