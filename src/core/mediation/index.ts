// Dispute mediation: lifecycle, risk rules, ratings, statistics and the function's contract.
export * from './config'
export * from './lifecycle'
export * from './rating'
export * from './risk'
export * from './statistics'
