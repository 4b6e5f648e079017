// The booking function: the household-registration service catalog, counters and their slots,
// residents' bookings (网上预约) for themselves or a family member, the officers' counter desk
// (check-in, queue, closures) and door-to-door service (上门办理).
import * as z from 'zod/mini'
import { LegalName } from '../person-name'
import { defineFunction } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { OfficerContact } from '../jurisdiction/contract'
import { Latitude, Longitude } from '../jurisdiction/primitives'
import { ANYONE } from '../roles'
import { RevealedContact } from '../privacy/contract'
import { Service, ServiceName } from './catalog'
import { CounterId, Holiday, LocalDate, OpeningHours } from './counter'
import { HomeVisitOutcome, HomeVisitReason, HomeVisitStatus } from './home-visit'
import { IdNumber } from './id-number'
import { ChineseMobile } from './phone'
import { BookingStatus, CheckInCode, parseQrPayload } from './rules'
import { SlotId } from './slots'

/**
 * Who serves a counter (check-in, queue, a day's bookings, finding and revealing a booking, door-to-door
 * visits): officers and station leaders, at their own station's counters. The bureau's roles are
 * not listed: bureau staff sit at no counter (one who also holds the officer role, like the
 * bureau's chief, serves as an officer, at every station's counters since they have no station).
 */
export const DESK = ['officer', 'station_leader'] as const
/** Who manages counters: the desk at its own station's, and the bureau admin at any station's. */
export const COUNTER_MANAGERS = [...DESK, 'bureau_admin'] as const

/** A client-chosen key (a UUID) that makes a retried request harmless. */

/** Registration services need the name as registered (see ../person-name.ts). */
const PersonName = LegalName

/** Who the appointment is for. The identity number is optional; when given it must be valid, and it is stored encrypted. */
export const Applicant = z.strictObject({
  relation: z.enum(['self', 'family']),
  name: PersonName,
  phone: ChineseMobile,
  idNumber: z.optional(IdNumber),
})
export type Applicant = z.output<typeof Applicant>

/** A person as shown back: the identity number only masked (region and last four); the phone in full to its owner, masked to staff. */
export const PersonView = z.object({
  relation: z.enum(['self', 'family']),
  name: z.string(),
  phone: z.string(),
  idNumberMasked: z.nullable(z.string()),
})
export type PersonView = z.infer<typeof PersonView>

export const ServiceView = z.extend(Service, {
  /** Residents can book it at a counter. */
  bookable: z.boolean(),
  /** Residents who qualify can ask for it at home. */
  homeVisit: z.boolean(),
})
export type ServiceView = z.infer<typeof ServiceView>

export const CounterView = z.object({
  id: CounterId,
  name: ServiceName,
  place: ServiceName,
  languages: z.array(Language),
  serviceIds: z.array(z.string()),
  weeklyHours: z.array(OpeningHours),
  slotMinutes: z.number().check(z.int()),
  capacity: z.number().check(z.int()),
  /** Closures and holidays from today on, so the app can say why a day has no slots. */
  closures: z.array(z.object({ date: LocalDate, reason: z.string() })),
  holidays: z.array(Holiday),
  /** The station whose hall the counter is in (a counter from before bureaus: the first station). */
  station: z.object({ id: z.string(), name: z.object({ zh: z.string(), mn: z.optional(z.string()) }) }),
  /** The caller's own station (their community's; staff: their officer record's). */
  ownStation: z.boolean(),
  /** From the caller's station to this one; null when the caller has no station or a station no position. */
  distanceKm: z.nullable(z.number()),
})
export type CounterView = z.infer<typeof CounterView>

export const SlotView = z.object({
  id: SlotId,
  counterId: CounterId,
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: LocalDate,
  localTime: z.string(),
  capacity: z.number().check(z.int()),
  remaining: z.number().check(z.int()),
  closed: z.boolean(),
  /** Open, a place left and far enough ahead to book now. */
  bookable: z.boolean(),
})
export type SlotView = z.infer<typeof SlotView>

export const BookingView = z.object({
  id: DocId,
  status: BookingStatus,
  service: z.object({ id: DocId, name: ServiceName }),
  counter: z.object({ id: CounterId, name: ServiceName, place: ServiceName, languages: z.array(Language) }),
  slot: z.object({ id: SlotId, startsAt: z.string(), endsAt: z.string(), localDate: LocalDate, localTime: z.string() }),
  applicant: PersonView,
  /** Shown at the counter while the booking holds a place; null once cancelled. */
  code: z.nullable(z.string()),
  qrPayload: z.nullable(z.string()),
  /** Cancelling or rescheduling is possible until then. */
  changeableUntil: z.string(),
  createdAt: z.string(),
  checkedInAt: z.nullable(z.string()),
  /** Set when the station closed the counter that day: the app offers to book again. */
  closure: z.nullable(z.object({ reason: z.string(), rebook: z.boolean() })),
})
export type BookingView = z.infer<typeof BookingView>

export const SuspensionView = z.object({ since: z.string(), until: z.string(), noShows: z.array(z.string()) })

export const BookingAccountStatus = z.object({
  upcoming: z.number().check(z.int()),
  maxActive: z.number().check(z.int()),
  /** Set while online booking is suspended after missed appointments, with the reason. */
  suspension: z.nullable(SuspensionView),
  /** Missed appointments (slot starts) that still count towards a suspension. */
  recentNoShows: z.array(z.string()),
  rules: z.object({ noShowThreshold: z.number().check(z.int()), noShowWithinDays: z.number().check(z.int()), suspendDays: z.number().check(z.int()), cancelUntilMinutes: z.number().check(z.int()), minNoticeMinutes: z.number().check(z.int()) }),
})
export type BookingAccountStatus = z.infer<typeof BookingAccountStatus>

export const DeskBooking = z.extend(BookingView, {
  /** Order of arrival at the counter today (1 = first), once checked in. */
  arrivalNo: z.nullable(z.number().check(z.int())),
})
export type DeskBooking = z.infer<typeof DeskBooking>

export const CheckInAnswer = z.object({ booking: DeskBooking, alreadyCheckedIn: z.boolean() })

export const CounterQueue = z.object({
  counterId: CounterId,
  date: LocalDate,
  /** Checked in, in order of arrival. */
  arrived: z.array(DeskBooking),
  /** Still expected today, by slot time. */
  expected: z.array(DeskBooking),
  /** Missed today. */
  noShows: z.array(DeskBooking),
})

/** What a resident types into a check-in or what the QR code holds; the officer's scanner sends it as is. */
export const CheckInKey = z
  .string().check(z.trim(), z.maxLength(120), z.refine((s) => CheckInCode.safeParse(s).success || parseQrPayload(s) !== null, 'must be a 6-digit booking code or a booking QR code'))

export const HomeVisitProposal = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() })

export const HomeVisitView = z.object({
  id: DocId,
  status: HomeVisitStatus,
  service: z.object({ id: DocId, name: ServiceName }),
  person: PersonView,
  reason: HomeVisitReason,
  note: z.nullable(z.string()),
  addressText: z.string(),
  community: z.nullable(z.object({ id: DocId, name: z.object({ zh: z.string(), mn: z.optional(z.string()) }), kind: z.enum(['community', 'gacha']) })),
  assignee: OfficerContact,
  /** Why this officer: the routing decision in words. */
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  proposals: z.array(HomeVisitProposal),
  scheduled: z.nullable(HomeVisitProposal),
  outcome: z.nullable(z.object({ result: HomeVisitOutcome, note: z.string(), at: z.string() })),
  createdAt: z.string(),
})
export type HomeVisitView = z.infer<typeof HomeVisitView>

const Instant = z.iso.datetime({ offset: true })

export const bookingContract = defineFunction('booking', {
  listServices: {
    summary: 'The household-registration service catalog: materials, fee, processing time, and whether it can be booked, done at home, or is no longer required.',
    input: z.object({}),
    output: z.array(ServiceView),
    roles: ANYONE, scope: 'station',
  },
  listCounters: {
    summary: 'The counters with their station, languages, opening hours, closures and holidays: the caller’s station’s first, then the other stations’ nearest first. `desk: true` (officers): the caller’s station’s counters only, every station’s for bureau staff.',
    input: z.object({ desk: z.optional(z.boolean()) }),
    output: z.array(CounterView),
    roles: ANYONE, scope: 'station',
  },
  listSlots: {
    summary: 'Free places per slot for the coming days (14 by default), optionally for one counter, language or service; counters in the order listCounters gives them.',
    input: z.object({ counterId: z.optional(CounterId), language: z.optional(Language), serviceId: z.optional(DocId), days: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60))) }),
    output: z.object({ from: z.string(), to: z.string(), counters: z.array(CounterView), slots: z.array(SlotView) }),
    roles: ANYONE, scope: 'station',
  },
  book: {
    summary: 'Book a place in a slot for oneself or a family member. Retrying with the same requestId returns the first booking; the same requestId with other content is INVALID_ARGUMENT.',
    input: z.object({ slotId: SlotId, serviceId: DocId, applicant: Applicant, requestId: RequestId }),
    output: BookingView,
    roles: ANYONE, scope: 'own',
  },
  cancel: {
    summary: 'Cancel one’s booking, until the configured time before the slot; the place is freed.',
    input: z.object({ bookingId: DocId }),
    output: BookingView,
    roles: ANYONE, scope: 'own',
  },
  reschedule: {
    summary: 'Move one’s booking to another slot of the same service, until the configured time before the current slot.',
    input: z.object({ bookingId: DocId, slotId: SlotId }),
    output: BookingView,
    roles: ANYONE, scope: 'own',
  },
  myBookings: {
    summary: 'The caller’s bookings, newest first, with the account’s booking status (upcoming count, suspension and its reason).',
    input: z.object({}),
    output: z.object({ bookings: z.array(BookingView), status: BookingAccountStatus }),
    roles: ANYONE, scope: 'own',
  },
  myBookingStatus: {
    summary: 'Whether the caller can book online now: upcoming bookings against the limit, and any suspension after missed appointments.',
    input: z.object({}),
    output: BookingAccountStatus,
    roles: ANYONE, scope: 'own',
  },
  checkIn: {
    summary: 'The officer at the counter types or scans a booking’s code; the booking is checked in and joins today’s queue.',
    input: z.object({ code: CheckInKey, counterId: z.optional(CounterId) }),
    output: CheckInAnswer,
    roles: DESK, scope: 'station',
  },
  counterQueue: {
    summary: 'Today’s queue at a counter: who arrived, in order of arrival, and who is still expected.',
    input: z.object({ counterId: CounterId }),
    output: CounterQueue,
    roles: DESK, scope: 'station',
  },
  dayBookings: {
    summary: 'Every booking of a counter on a day, by slot time.',
    input: z.object({ counterId: CounterId, date: LocalDate }),
    output: z.array(DeskBooking),
    roles: DESK, scope: 'station',
  },
  closeCounterDay: {
    summary: 'Close a counter for a day: its slots close, booked residents are notified and their bookings marked for rebooking.',
    input: z.object({ counterId: CounterId, date: LocalDate, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }),
    output: z.object({ counterId: CounterId, date: LocalDate, closedSlots: z.number().check(z.int()), affectedBookings: z.number().check(z.int()), notified: z.number().check(z.int()) }),
    roles: COUNTER_MANAGERS, scope: 'station',
  },
  upsertService: {
    summary: 'Add or change a catalog entry (admin; the catalog is the whole bureau’s).',
    input: z.object({ service: Service }),
    output: ServiceView,
    roles: ['admin', 'bureau_admin'], scope: 'station',
  },
  requestHomeVisit: {
    summary: 'Ask for door-to-door service for oneself or a relative (age, disability, illness or distance); routed to the responsible community officer with the reason stored.',
    input: z.object({
      requestId: RequestId,
      serviceId: DocId,
      person: z.strictObject({ relation: z.enum(['self', 'family']), name: PersonName, phone: ChineseMobile, idNumber: z.optional(IdNumber), birthDate: z.optional(LocalDate) }),
      reason: HomeVisitReason,
      note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
      location: z.optional(z.strictObject({ lng: Longitude, lat: Latitude })),
      communityId: z.optional(DocId),
      addressText: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      language: z._default(Language, 'zh'),
    }),
    output: HomeVisitView,
    roles: ANYONE, scope: 'own',
  },
  myHomeVisits: {
    summary: 'The caller’s door-to-door requests, newest first.',
    input: z.object({}),
    output: z.array(HomeVisitView),
    roles: ANYONE, scope: 'own',
  },
  acceptHomeVisitTime: {
    summary: 'The resident accepts one of the times the officer proposed.',
    input: z.object({ visitId: DocId, proposalId: z.string().check(z.regex(/^p\d{1,4}$/)) }),
    output: HomeVisitView,
    roles: ANYONE, scope: 'own',
  },
  pendingHomeVisits: {
    summary: 'Open door-to-door requests the officer answers for (all for station leaders), grouped by gacha or community.',
    input: z.object({}),
    output: z.array(z.object({ community: HomeVisitView.shape.community, visits: z.array(HomeVisitView) })),
    roles: DESK, scope: 'communities',
  },
  proposeHomeVisitTimes: {
    summary: 'The officer proposes one or more times for a door-to-door visit; the resident is notified. Retrying with the same requestId answers the visit and notifies nobody again; the same requestId with other times is INVALID_ARGUMENT.',
    input: z.object({ visitId: DocId, times: z.array(z.strictObject({ startsAt: Instant, endsAt: Instant })).check(z.minLength(1), z.maxLength(5)), requestId: RequestId }),
    output: HomeVisitView,
    roles: DESK, scope: 'communities',
  },
  recordHomeVisitDone: {
    summary: 'The officer records a visit as done, with its outcome.',
    input: z.object({ visitId: DocId, outcome: HomeVisitOutcome, note: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    output: HomeVisitView,
    roles: DESK, scope: 'communities',
  },
  revealBookingContact: {
    summary: 'Show a booking’s phone number in full to the desk (masked everywhere else); written to the audit log.',
    input: z.object({ bookingId: DocId }),
    output: RevealedContact,
    roles: DESK,
    scope: 'station',
  },
  revealHomeVisitContact: {
    summary: 'Show a door-to-door request’s phone number in full to the officer handling it; written to the audit log.',
    input: z.object({ visitId: DocId }),
    output: RevealedContact,
    roles: DESK,
    scope: 'communities',
  },
  findBookings: {
    summary: 'The desk finds a resident’s bookings by phone or ID number (exact match on a keyed hash; nothing is decrypted), newest first.',
    input: z
      .object({ phone: z.optional(ChineseMobile), idNumber: z.optional(IdNumber) }).check(z.refine((q) => (q.phone === undefined) !== (q.idNumber === undefined), { message: 'give either a phone or an ID number', path: ['phone'] })),
    output: z.array(DeskBooking),
    roles: DESK,
    scope: 'station',
  },
})
