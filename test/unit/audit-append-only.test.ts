// The audit log is append-only by construction: one module touches its collection, and that
// module only inserts, except the retention job's removal of entries past the configured age.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.join(__dirname, '..', '..', 'cloudfunctions')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sources(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

describe('the audit log', () => {
  const files = sources(root)
  const auditModule = path.join(root, '_shared', 'audit.ts')

  it('is reached only through cloudfunctions/_shared/audit.ts', () => {
    const touching = files.filter((f) => /COLLECTIONS\.auditLog|['"]audit_log['"]/.test(readFileSync(f, 'utf8')))
    expect(touching.map((f) => path.relative(root, f)).sort()).toEqual(['_shared/audit.ts', '_shared/collections.ts'])
  })

  it('is never updated, and removed from only by the retention job', () => {
    const text = readFileSync(auditModule, 'utf8')
    expect(text).not.toMatch(/\.(update|updateAndReturn)\(|\bdoc\(|_\.set\(/)
    expect(text.match(/\.remove\(/g)).toHaveLength(1)
    const prune = text.slice(text.indexOf('export async function pruneAuditLog'))
    expect(prune).toMatch(/\.remove\(/)
    // The removal is logged with the number removed.
    expect(prune).toMatch(/audit\(SYSTEM_ACTOR, 'pruneAuditLog'/)
  })

  it('has no other function write to it through a raw collection name', () => {
    const raw = files.filter((f) => f !== auditModule && /collection\(\s*['"`]audit/.test(readFileSync(f, 'utf8')))
    expect(raw).toEqual([])
  })
})
