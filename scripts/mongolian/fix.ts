// `npm run mongolian:fix`: repairs, in place, what the lint finds and a machine can repair without
// judgement — suffix separators, Chinese punctuation, banned glossary variants, known misspellings,
// and a suffix's form where its stem decides it — in every Mongolian string of the repository.
// Idempotent: a second run changes nothing. What is left (a suffix after a {placeholder}, a
// wrong meaning) `npm run mongolian:lint` reports for a person to rewrite.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fixText } from './rules'
import { ROOT, mongolianStringsIn, scannedFiles } from './strings'

export function fixFile(file: string): number {
  const full = path.join(ROOT, file)
  const source = readFileSync(full, 'utf8')
  const pieces = mongolianStringsIn(file, source).flatMap((found) => found.pieces)
  let fixed = source
  let changed = 0
  // From the end, so earlier offsets stay valid.
  for (const piece of [...pieces].sort((a, b) => b.start - a.start)) {
    const repaired = fixText(piece.text, piece.after)
    if (repaired === piece.text) continue
    fixed = fixed.slice(0, piece.start) + repaired + fixed.slice(piece.end)
    changed++
  }
  if (changed) writeFileSync(full, fixed)
  return changed
}

if (require.main === module) {
  let total = 0
  for (const file of scannedFiles()) {
    const changed = fixFile(file)
    if (changed) console.log(`${file}: ${changed} string(s) repaired`)
    total += changed
  }
  console.log(`${total} string(s) repaired; run npm run mongolian:lint for what needs a person`)
}
