// Reads cloudfunctions/database.json: the collections (and their indexes) the cloud must have.
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface IndexSpec {
  name: string
  fields: Array<{ field: string; direction: 1 | -1 }>
  unique: boolean
}
export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
}

export function databaseSpec(): CollectionSpec[] {
  const file = path.resolve(__dirname, '..', 'cloudfunctions', 'database.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { collections: CollectionSpec[] }).collections
}

/**
 * The unique indexes in the emulator's form. Rules rely on them (one booking per seat, one
 * version per number), so every local cloud declares them, as production does in the console.
 */
export const uniqueIndexSpecs = () =>
  databaseSpec().flatMap((collection) =>
    collection.indexes.filter((index) => index.unique).map((index) => ({ collection: collection.name, name: index.name, fields: index.fields.map((f) => f.field), unique: true })),
  )
