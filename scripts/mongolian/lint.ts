// `npm run mongolian:lint`: every rule of scripts/mongolian/rules.ts over every Mongolian string
// of the repository, with counts, and each violation as "file:line key — what to change".
// The same check runs in `npm test` (test/unit/mongolian-lint.test.ts).
import { lintText, RULES, type RuleId, type Violation, GLUED_EXCEPTIONS, MIXED_VOWEL_EXCEPTIONS } from './rules'
import { allMongolianStrings, UNLINTED_FILES, type MongolianString } from './strings'

export interface LintReport {
  files: number
  strings: number
  words: number
  suffixes: number
  violations: Array<Violation & { where: string }>
  byRule: Record<RuleId, number>
}

export function lintRepository(strings: MongolianString[] = allMongolianStrings()): LintReport {
  const byRule = Object.fromEntries(Object.keys(RULES).map((rule) => [rule, 0])) as Record<RuleId, number>
  const violations: LintReport['violations'] = []
  let words = 0
  let suffixes = 0
  for (const found of strings) {
    words += found.text.match(/[\u1820-\u18AA\u180B-\u180E]+/g)?.length ?? 0
    suffixes += found.text.match(/\u202F[\u1820-\u18AA]/g)?.length ?? 0
    for (const violation of lintText(found.text)) {
      byRule[violation.rule]++
      violations.push({ ...violation, where: `${found.file}:${found.line}${found.key ? ` ${found.key}` : ''}` })
    }
  }
  return { files: new Set(strings.map((s) => s.file)).size, strings: strings.length, words, suffixes, violations, byRule }
}

export function formatReport(report: LintReport): string {
  const lines = [
    `Mongolian lint: ${report.strings} strings in ${report.files} files, ${report.words} words, ${report.suffixes} suffixes joined with U+202F`,
    ...Object.entries(report.byRule).map(([rule, count]) => `  ${String(count).padStart(4)}  ${rule}: ${RULES[rule as RuleId]}`),
    `  exceptions: ${Object.keys(UNLINTED_FILES).length} files unlinted, ${Object.keys(MIXED_VOWEL_EXCEPTIONS).length} mixed-vowel words, ${Object.keys(GLUED_EXCEPTIONS).length} words ending like a suffix (each with its reason in scripts/mongolian)`,
    `  ${report.violations.length} violation(s)`,
    ...report.violations.map((v) => `  ${v.where} [${v.rule}] ${v.message}`),
  ]
  return lines.join('\n')
}

if (require.main === module) {
  const report = lintRepository()
  console.log(formatReport(report))
  if (report.violations.length) {
    console.log('Run npm run mongolian:fix first; what remains needs a person (docs/mongolian.md).')
    process.exitCode = 1
  }
}
