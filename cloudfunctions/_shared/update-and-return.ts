// A conditional update that answers the document as written: CloudBase's `modifyAndReturnDoc`,
// `where().updateAndReturn()` in @cloudbase/database (the node SDK's documented API). One request
// instead of an update and a read, and the document it answers is the one this update wrote.
//
// wx-server-sdk 4 wraps @cloudbase/database's query in its own Query class, which forwards
// field/where/orderBy/limit/skip/get/update/remove/count and nothing else; its typings, its
// collection and document references and its transactions have no updateAndReturn either. The
// wrapped query is kept in the wrapper's `_query` field, so that field is the only way to it
// without a second SDK (test/unit/update-and-return.test.ts proves both against the SDK's code).
// The guard fails loudly, before any request, should an SDK upgrade move or rename it.

export interface UpdatesAndReturns {
  updateAndReturn(data: Record<string, unknown>): Promise<{ updated: number; doc: unknown }>
}

/** The node SDK query inside a wx-server-sdk query, for its updateAndReturn. */
export function andReturn(query: unknown): UpdatesAndReturns {
  const inner = (query as { _query?: Partial<UpdatesAndReturns> })._query
  if (typeof inner?.updateAndReturn !== 'function') throw new Error('wx-server-sdk no longer exposes updateAndReturn on its wrapped query')
  return inner as UpdatesAndReturns
}
