// The database's security rules live in the repo, one file per collection, as the console's
// custom rule (自定义安全规则) takes them: every collection is admin-only, since all access goes
// through cloud functions. A collection without a rule would keep the console's default.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { databaseSpec } from '../../scripts/database-spec'

const rulesDir = path.resolve(__dirname, '..', '..', 'cloudfunctions', 'database-rules')
const ruleFiles = readdirSync(rulesDir).filter((name) => name.endsWith('.json'))
const declared = databaseSpec().map((c) => c.name)

describe('database security rules', () => {
  it('exist for every collection in cloudfunctions/database.json, and only for those', () => {
    expect(ruleFiles.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...declared].sort())
  })

  it.each(ruleFiles)('%s lets no client read or write: all access goes through functions', (name) => {
    expect(JSON.parse(readFileSync(path.join(rulesDir, name), 'utf8'))).toEqual({ read: false, write: false })
  })
})
