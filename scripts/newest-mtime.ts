// When a folder's newest file changed: builds are redone only when their sources are newer.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name)
    return Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }, 0)
}
