// Collection names in one place, so a typo is a compile error rather than an empty query.
export const COLLECTIONS = {
  users: 'users',
  officers: 'officers',
  invites: 'invites',
  jurisdictionVersions: 'jurisdiction_versions',
  jurisdictionCurrent: 'jurisdiction_current',
  routedRequests: 'routed_requests',
  bookingServices: 'booking_services',
  bookingCounters: 'booking_counters',
  bookingSlots: 'booking_slots',
  bookings: 'bookings',
  homeVisits: 'home_visits',
  mediationCases: 'mediation_cases',
  mediationRectifications: 'mediation_rectifications',
  auditLog: 'audit_log',
} as const
