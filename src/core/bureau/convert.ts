// A single-station jurisdiction document (format 1, today's imports and seed data) becomes a
// bureau of that one station: the station keeps every id; the bureau takes the station's id with
// a "bureau-" prefix and its name; the duty desk is the station's leadership at the station's duty
// phone (a station with no duty phone must give one to be imported); the bureau's distance limit
// is the station's nearest-community limit. Routing in the converted bureau answers as before.
// The input has not been validated yet: the result goes through BureauDocument like any import.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True for a format-1 document: it has a top-level `station` and no `stations`. */
export function isSingleStationDocument(input: unknown): input is Record<string, unknown> {
  return isRecord(input) && 'station' in input && !('stations' in input)
}

export function bureauFromStation(input: Record<string, unknown>): Record<string, unknown> {
  // The station section is the format-1 body without its format number.
  const section = { ...input }
  delete section.version
  const station = isRecord(input.station) ? input.station : {}
  return {
    version: 2,
    bureau: {
      id: `bureau-${String(station.id ?? '')}`,
      name: station.name,
      nearestStationMaxKm: station.nearestCommunityMaxKm ?? 10,
      dutyDesk: { name: station.name, phone: station.dutyPhone, officerIds: station.leadershipOfficerIds },
      leadershipOfficerIds: [],
    },
    officers: [],
    stations: [section],
  }
}

/** Either format in, a bureau document (not yet validated) out. */
export function asBureauInput(input: unknown): unknown {
  return isSingleStationDocument(input) ? bureauFromStation(input) : input
}
