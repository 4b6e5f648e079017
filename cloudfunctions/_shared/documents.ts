// Reading stored documents: the database is a boundary, so every document is parsed with its
// schema. A missing document is null rather than an exception.
import type { z } from 'zod'

interface DocRef {
  // wx-server-sdk's typings return a union for callback overloads; the promise form is all we use.
  doc(id: string): { get(): unknown }
}

const isNotFound = (error: unknown) => /not exist|not found|DOCUMENT_NOT_EXIST|-502004/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? error))

export function isDuplicateKey(error: unknown): boolean {
  return /duplicate|E11000|-502001/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? error))
}

export async function readDoc<T extends z.ZodType>(collection: DocRef, id: string, schema: T): Promise<z.output<T> | null> {
  try {
    const { data } = (await collection.doc(id).get()) as { data: unknown }
    return schema.parse(Array.isArray(data) ? data[0] : data)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}
