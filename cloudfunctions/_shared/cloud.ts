// The one place a function initialises wx-server-sdk. In production the runtime injects the
// environment; locally the emulator's function host injects the same kind of variables, so this
// code is identical in both places.
import cloud from 'wx-server-sdk'

// The typings declare DYNAMIC_CURRENT_ENV as a symbol but init's env as a string; the SDK accepts it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database()
export const _ = db.command
export type Database = typeof db

/** The subset of a transaction the functions use; wx-server-sdk types the callback as any. */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>
      update(options: { data: Record<string, unknown> }): Promise<unknown>
      set(options: { data: Record<string, unknown> }): Promise<unknown>
      remove(): Promise<unknown>
    }
  }
}

export const runTransaction = <T>(run: (tx: Transaction) => Promise<T>): Promise<T> => db.runTransaction(run)
