// Reading stored documents: the database is a boundary, so every document is parsed with its
// schema. A missing document is null rather than an exception.
import type { z } from 'zod/mini'

interface DocRef {
  // wx-server-sdk's typings return a union for callback overloads; the promise form is all we use.
  doc(id: string): { get(): unknown }
}

const messageOf = (error: unknown) => String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? error)

export const isNotFound = (error: unknown) => /not exist|not found|DOCUMENT_NOT_EXIST|-502004/i.test(messageOf(error))

/**
 * A unique-index violation. The cloud reports it as a generic failed request (-502001) carrying
 * MongoDB's E11000 text; -502001 alone is any failed request and must not count as a duplicate.
 */
export const isDuplicateKey = (error: unknown) => /E11000|duplicate key/i.test(messageOf(error))

/** The cloud fails a transaction whose documents another writer changed after it read them. */
export const isTransactionConflict = (error: unknown) => /TransactionConflict/i.test(messageOf(error))

export async function readDoc<T extends z.ZodMiniType>(collection: DocRef, id: string, schema: T): Promise<z.output<T> | null> {
  try {
    const { data } = (await collection.doc(id).get()) as { data: unknown }
    // A query by id answers a list on some SDK paths and a document (or null) on others.
    const doc = Array.isArray(data) ? data[0] : data
    return doc == null ? null : schema.parse(doc)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}
