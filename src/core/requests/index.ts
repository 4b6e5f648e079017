// The requests desk's pure rules: kinds, lifecycle, working-day deadlines, partner units, contract.
export * from './kinds'
export * from './lifecycle'
export * from './deadlines'
export * from './partners'
export * from './config'
