// The station dashboard's pure rules: periods, scopes, counts, figures, freshness, CSV.
export * from './period'
export * from './scope'
export * from './counts'
export * from './figures'
export * from './freshness'
export * from './csv'
