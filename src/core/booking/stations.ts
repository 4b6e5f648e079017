// Counters across a bureau: each counter belongs to a station; a resident sees their own
// station's counters first, then the other stations' by distance from their station (the
// station's position, src/core/bureau/views.ts). Staff at the counter desk see their station's
// counters only; bureau staff see every station's, each with its station named. Pure.

export interface StationPlace {
  id: string
  name: { zh: string; mn?: string }
  /** stationPosition: null when none of its communities is mapped. */
  position: { lng: number; lat: number } | null
}

export interface CounterAtStation<C> {
  counter: C
  station: StationPlace
  /** Whether it is the caller's own station. */
  own: boolean
  /** From the caller's station to the counter's, rounded to 0.1 km; null when either has no position. */
  distanceKm: number | null
}

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in km (haversine): plenty for "which town is nearer" at county scale. */
export function kmBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A counter with no station was written before bureaus: it belongs to the first station. */
export function stationIdOfCounter(counter: { stationId?: string | null }, stations: readonly StationPlace[]): string | null {
  return counter.stationId ?? stations[0]?.id ?? null
}

/**
 * Counters in the order a resident of `ownStationId` sees them: their station's first, then the
 * others nearest station first (a station without a position last), then in the bureau's
 * station order; within a station by counter id. Without a station of their own (not bound yet)
 * the bureau's station order. Counters of a station the bureau no longer has are left out.
 */
export function countersForResident<C extends { id: string; stationId?: string | null }>(
  counters: readonly C[],
  stations: readonly StationPlace[],
  ownStationId: string | null,
): Array<CounterAtStation<C>> {
  const own = stations.find((s) => s.id === ownStationId) ?? null
  const rank = new Map(stations.map((s, i) => [s.id, i]))
  const placed = counters.flatMap((counter) => {
    const station = stations.find((s) => s.id === stationIdOfCounter(counter, stations))
    if (!station) return []
    const km = own?.position && station.position ? Math.round(kmBetween(own.position, station.position) * 10) / 10 : null
    return [{ counter, station, own: station.id === own?.id, distanceKm: station.id === own?.id ? 0 : km }]
  })
  const key = (c: CounterAtStation<C>) => [c.own ? 0 : 1, c.distanceKm ?? Number.POSITIVE_INFINITY, rank.get(c.station.id) ?? 0] as const
  return placed.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)]
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || a.counter.id.localeCompare(b.counter.id)
  })
}

/**
 * The counters a desk shows: the caller's station's; bureau staff (station null) see every
 * station's, in the bureau's station order.
 */
export function countersForDesk<C extends { id: string; stationId?: string | null }>(
  counters: readonly C[],
  stations: readonly StationPlace[],
  callerStationId: string | null,
): Array<CounterAtStation<C>> {
  return countersForResident(counters, stations, callerStationId).filter((c) => callerStationId === null || c.station.id === callerStationId)
}

/** Whether a member of staff of `callerStationId` (null: bureau staff) may serve a counter of `counterStationId`. */
export const servesStation = (callerStationId: string | null, counterStationId: string | null) => callerStationId === null || callerStationId === counterStationId
