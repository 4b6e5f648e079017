// volunteers.signUp reads the activity it wrote through wx-server-sdk's private `_query` field.
// This proves against the installed SDK's own code that no public wx-server-sdk API offers
// updateAndReturn, that the private field holds @cloudbase/database's query which does, and that
// the guard refuses an SDK where it moved. (No request is sent: the SDK is only inspected.)
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { andReturn } from '../../cloudfunctions/_shared/update-and-return'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Query: NodeSdkQuery } = require('@cloudbase/database')

/** Every method name reachable on an object's prototype chain (what a caller can call). */
function methodsOf(object: object): Set<string> {
  const names = new Set<string>()
  for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && typeof (proto as Record<string, unknown>)[name] === 'function') names.add(name)
  }
  return names
}

const db = cloud.createNewInstance({ env: 'probe', secretId: 'probe', secretKey: 'probe' }).database()

describe('updateAndReturn through wx-server-sdk', () => {
  it('is offered by no public wx-server-sdk API', () => {
    const collection = db.collection('activities')
    const query = collection.where({ _id: 'a' })
    for (const reference of [collection, query, collection.doc('a'), query.orderBy('startsAt', 'asc').limit(1)]) {
      expect(methodsOf(reference).has('updateAndReturn')).toBe(false)
    }
    // the wrapper forwards exactly these to the node SDK's query
    expect([...methodsOf(query)].sort()).toEqual(['count', 'field', 'get', 'limit', 'orderBy', 'remove', 'skip', 'update', 'where'])
    // nor do the typings (the database, its transactions and aggregations included) name it
    const typings = readFileSync(path.join(path.dirname(require.resolve('wx-server-sdk')), 'index.d.ts'), 'utf8')
    expect(typings).not.toMatch(/updateAndReturn|modifyAndReturn/)
    const bundle = readFileSync(require.resolve('wx-server-sdk'), 'utf8')
    expect(bundle).not.toMatch(/updateAndReturn/)
  })

  it('is reached through the private _query field, which holds the node SDK query', () => {
    const query = db.collection('activities').where({ _id: 'a' })
    expect(query._query).toBeInstanceOf(NodeSdkQuery)
    expect(andReturn(query)).toBe(query._query)
    expect(typeof andReturn(query).updateAndReturn).toBe('function')
  })

  it('fails loudly, before any request, when an SDK moves it', () => {
    expect(() => andReturn({ where() {} })).toThrow('wx-server-sdk no longer exposes updateAndReturn on its wrapped query')
    expect(() => andReturn({ _query: {} })).toThrow('wx-server-sdk no longer exposes updateAndReturn')
  })
})
