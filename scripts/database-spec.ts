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
 * Every declared index in the emulator's form, as production creates them in the console. Rules
 * rely on the unique ones (one booking per seat, one version per number); the emulator's index
 * advisor checks every function query against all of them.
 */
export const declaredIndexSpecs = () =>
  databaseSpec().flatMap((collection) =>
    collection.indexes.map((index) => ({ collection: collection.name, name: index.name, fields: index.fields.map((f) => f.field), unique: index.unique })),
  )
