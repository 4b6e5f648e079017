// Runs in its own process (miniprogram-ci keeps handles open and never exits by itself): compiles
// one mini-program folder as an upload would and analyses it, then writes a report and exits.
// Arguments: <project folder> <folder for the compiled files> <report file>.
// Plain JavaScript: miniprogram-ci forks compilers that inherit this process's node options and
// run in the project's folder, where a TypeScript loader could not be resolved.
const { mkdirSync, writeFileSync } = require('node:fs')
const path = require('node:path')
const ci = require('miniprogram-ci')

async function main([projectPath, compiledDir, reportFile]) {
  // Everything stays on this machine: the project attributes are the defaults instead of the
  // server's, the private key is never used (nothing is uploaded), and the one request it still
  // tries (the server's list of allowed file types, with a built-in fallback) meets a closed port.
  ci.proxy('http://127.0.0.1:9')
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKey: 'offline-check-uploads-nothing', ignores: [], attr: async () => ci.DefaultProjectAttr })
  const report = { files: [], quality: [] }
  try {
    // useProjectConfig: the compile settings (es6, enhance, minify) come from project.config.json, as an upload's do.
    const compiled = await ci.getCompiledResult({ project, desc: 'weapp tier', setting: { useProjectConfig: true } })
    for (const [file, content] of Object.entries(compiled)) {
      mkdirSync(path.dirname(path.join(compiledDir, file)), { recursive: true })
      writeFileSync(path.join(compiledDir, file), content)
      report.files.push(file)
    }
  } catch (err) {
    report.compileError = err instanceof Error ? err.message : String(err)
  }
  await ci.analyseCode(project, { silent: true })
  report.quality = await ci.checkCodeQuality(project)
  writeFileSync(reportFile, JSON.stringify(report))
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
