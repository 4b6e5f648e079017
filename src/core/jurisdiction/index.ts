// The jurisdiction document (import/export) and its whole-document validation.
export * from './schema'
export { normalizeAddress } from './alias'
export { validateJurisdiction, type ValidationResult } from './validate'
