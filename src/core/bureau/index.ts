// The bureau of stations: its document (format 2), conversion of a single-station document,
// whole-document validation, and routing across stations.
export * from './schema'
export { asBureauInput, bureauFromStation, isSingleStationDocument } from './convert'
export { validateBureau, type BureauValidationResult } from './validate'
export { buildBureauIndex, chooseStation, routeInBureau, splitRoster, BureauRouteResult, StationReason, type BureauIndex } from './route'
