// Every free-text field of every action is either checked by content security before the action
// runs (FREE_TEXT) or listed with the reason it is not (NOT_CHECKED_HERE). A string is free text
// when its schema has no pattern, enum, constant or format.
import * as z from 'zod/mini'
import { FREE_TEXT, NOT_CHECKED_HERE, textsAt } from '../../cloudfunctions/_shared/free-text'
import { contracts } from '../../src/core/functions'

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; pattern?: string; enum?: unknown[]; const?: unknown; format?: string }

function freeTextPaths(schema: JsonSchema, path: string, out: Set<string>) {
  for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) freeTextPaths(member, path, out)
  if (schema.type === 'object') for (const [key, value] of Object.entries(schema.properties ?? {})) freeTextPaths(value, path ? `${path}.${key}` : key, out)
  if (schema.type === 'array' && schema.items) freeTextPaths(schema.items, `${path}[]`, out)
  if (schema.type === 'string' && !schema.pattern && !schema.enum && schema.const === undefined && !schema.format) out.add(path)
}

const declared = Object.entries(contracts).flatMap(([fn, contract]) =>
  Object.entries(contract.actions as Record<string, { input: z.ZodMiniType }>).flatMap(([action, spec]) => {
    const paths = new Set<string>()
    freeTextPaths(z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '', paths)
    return [...paths].map((path) => `${fn}.${action}.${path}`)
  }),
)
const checked = Object.entries(FREE_TEXT).flatMap(([fn, actions]) => Object.entries(actions).flatMap(([action, rule]) => rule.fields.map((field) => `${fn}.${action}.${field}`)))

describe('free-text fields of the actions', () => {
  it('are each checked by content security or listed with the reason they are not', () => {
    const unlisted = declared.filter((path) => !checked.includes(path) && !Object.hasOwn(NOT_CHECKED_HERE, path))
    expect(unlisted).toEqual([])
  })

  it('are listed only where an action has such a field (no stale entries)', () => {
    expect(checked.filter((path) => !declared.includes(path))).toEqual([])
    expect(Object.keys(NOT_CHECKED_HERE).filter((path) => !declared.includes(path))).toEqual([])
  })

  it('are never both checked and excused', () => {
    expect(checked.filter((path) => Object.hasOwn(NOT_CHECKED_HERE, path))).toEqual([])
  })
})

describe('textsAt', () => {
  it('finds the non-empty strings at a path, walking arrays, with their concrete paths', () => {
    const input = { service: { materials: [{ zh: '户口簿', mn: '' }, { zh: '身份证' }], name: { zh: '  ' } } }
    expect(textsAt(input, 'service.materials[].zh')).toEqual([
      { path: ['service', 'materials', 0, 'zh'], text: '户口簿' },
      { path: ['service', 'materials', 1, 'zh'], text: '身份证' },
    ])
    expect(textsAt(input, 'service.materials[].mn')).toEqual([])
    expect(textsAt(input, 'service.name.zh')).toEqual([])
    expect(textsAt(input, 'service.fee.note.zh')).toEqual([])
  })

  it('never reads inherited keys', () => {
    expect(textsAt({}, 'constructor.name')).toEqual([])
  })
})
