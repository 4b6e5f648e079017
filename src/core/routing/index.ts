// Routing: who answers a resident's request, and why. Build the index once per jurisdiction,
// then route each request against it with the current roster and `now`.
export { AssignedAs, RequestKind, RouteRequest, RouteResult, RouteRoster, RouteStep } from './contract'
export { describeRoute } from './describe'
export { buildJurisdictionIndex, type JurisdictionIndex } from './jurisdiction-index'
export { route } from './route'
