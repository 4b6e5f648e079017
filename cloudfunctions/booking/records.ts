// How booking data is stored, and how stored documents become what callers see. Kept apart from
// the stores so scripts (the demo seed) can write the same records without initialising the SDK.
// Every document read is parsed with these schemas (the database is a boundary).
import * as z from 'zod/mini'
import { Service, ServiceName, type Service as ServiceType } from '../../src/core/booking/catalog'
import { BookingStatus, cancellationDeadline, checkinKeyOf, qrPayloadOf, type OwnBooking } from '../../src/core/booking/rules'
import { Closure, Counter, Holiday, OpeningHours, type Counter as CounterType } from '../../src/core/booking/counter'
import type { BookingView, CounterView, DeskBooking, PersonView, ServiceView, SlotView } from '../../src/core/booking/contract'
import type { BookingConfig } from '../../src/core/booking/config'
import { counterBookingRefusal, homeVisitRefusal } from '../../src/core/booking/catalog'
import type { GeneratedSlot } from '../../src/core/booking/slots'
import type { CounterAtStation } from '../../src/core/booking/stations'
import { Language } from '../../src/core/ids'
import { disclose, Protected } from '../_shared/personal-data'

/** Dates come back as Date objects from queries; coercion also accepts ISO text. */
const StoredDate = z.coerce.date()

// ── Catalog ─────────────────────────────────────────────────────────────────────────────────

export const ServiceDoc = z.extend(z.omit(Service, { id: true }), { _id: z.string() })
export type ServiceDoc = z.infer<typeof ServiceDoc>

export const serviceRecord = ({ id, ...rest }: ServiceType) => ({ _id: id, ...rest })
export const serviceOf = ({ _id, ...rest }: ServiceDoc): ServiceType => Service.parse({ id: _id, ...rest })

export const serviceView = (service: ServiceType): ServiceView => ({
  ...service,
  bookable: counterBookingRefusal(service, [service.id]) === null,
  homeVisit: homeVisitRefusal(service) === null,
})

export const CounterDoc = z.object({
  _id: z.string(),
  name: ServiceName,
  place: ServiceName,
  languages: z.array(Language),
  serviceIds: z.array(z.string()),
  weeklyHours: z.array(OpeningHours),
  holidays: z.array(Holiday),
  closures: z.array(Closure),
  slotMinutes: z.number().check(z.int()),
  capacity: z.number().check(z.int()),
  active: z.boolean(),
  /** Absent on counters from before bureaus (scripts/migrate-bureau.ts stamps it): the first station's. */
  stationId: z._default(z.nullable(z.string()), null),
  /** Slots exist for every start before this instant (set by slot generation). */
  generatedThrough: StoredDate,
})
export type CounterDoc = z.infer<typeof CounterDoc>

export const counterRecord = ({ id, ...rest }: CounterType) => ({ _id: id, ...rest, generatedThrough: new Date(0) })
export const counterOf = ({ _id, generatedThrough: _generated, ...rest }: CounterDoc): CounterType => Counter.parse({ id: _id, ...rest })

/** Where the counter stands for the caller (countersForResident / countersForDesk). */
export type CounterPlacement = Pick<CounterAtStation<unknown>, 'station' | 'own' | 'distanceKm'>

export function counterView(counter: CounterType, today: string, placement: CounterPlacement): CounterView {
  return {
    id: counter.id,
    name: counter.name,
    place: counter.place,
    languages: counter.languages,
    serviceIds: counter.serviceIds,
    weeklyHours: counter.weeklyHours,
    slotMinutes: counter.slotMinutes,
    capacity: counter.capacity,
    closures: counter.closures.filter((c) => c.date >= today).map(({ date, reason }) => ({ date, reason })),
    holidays: counter.holidays.filter((h) => h.to >= today),
    station: { id: placement.station.id, name: placement.station.name },
    ownStation: placement.own,
    distanceKm: placement.distanceKm,
  }
}

// ── Slots ───────────────────────────────────────────────────────────────────────────────────

/** Who holds a place: the booking, its account (one place per account per slot) and since when. */
export const Holder = z.object({ bookingId: z.string(), openid: z.string(), at: StoredDate })
export type Holder = z.infer<typeof Holder>

/**
 * remaining = capacity − holders.length, always: every write changes both in one atomic update.
 * Holders are the source of truth for who has a place; bookings point at their slot.
 */
export const SlotDoc = z.object({
  _id: z.string(),
  counterId: z.string(),
  startsAt: StoredDate,
  endsAt: StoredDate,
  localDate: z.string(),
  localTime: z.string(),
  capacity: z.number().check(z.int()),
  remaining: z.number().check(z.int()),
  closed: z.boolean(),
  closedReason: z.nullable(z.string()),
  languages: z.array(Language),
  holders: z._default(z.array(Holder), []),
})
export type SlotDoc = z.infer<typeof SlotDoc>

export const slotRecord = (slot: GeneratedSlot, createdAt: Date) => ({
  _id: slot.id,
  counterId: slot.counterId,
  startsAt: new Date(slot.startsAt),
  endsAt: new Date(slot.endsAt),
  localDate: slot.localDate,
  localTime: slot.localTime,
  capacity: slot.capacity,
  remaining: slot.capacity,
  closed: false,
  closedReason: null,
  languages: slot.languages,
  holders: [] as Holder[],
  createdAt,
})

export const slotView = (slot: Omit<SlotDoc, 'holders'>, bookable: boolean): SlotView => ({
  id: slot._id,
  counterId: slot.counterId,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  localDate: slot.localDate,
  localTime: slot.localTime,
  capacity: slot.capacity,
  remaining: slot.remaining,
  closed: slot.closed,
  bookable,
})

// ── Bookings ────────────────────────────────────────────────────────────────────────────────

/** Phone and ID number are Protected (encrypted, masked, hashed); both are null once the resident deleted their account. */
export const StoredPerson = z.object({
  relation: z.enum(['self', 'family']),
  name: z.string(),
  phone: z.nullable(Protected),
  idNumber: z.nullable(Protected),
})
export type StoredPerson = z.infer<typeof StoredPerson>

/** Who is looking: the record's owner sees their phone; staff see it masked until they reveal it (an audited action). */
export type Viewer = 'owner' | 'staff'

export const personView = (person: StoredPerson, viewer: Viewer): PersonView => ({
  relation: person.relation,
  name: person.name,
  phone: person.phone ? (viewer === 'owner' ? disclose('phone', person.phone) : person.phone.masked) : '',
  idNumberMasked: person.idNumber?.masked ?? null,
})

export const BookingDoc = z.object({
  _id: z.string(),
  openid: z.string(),
  /** Keyed digest of the request (slot, service, applicant) for idempotent retries. */
  requestDigest: z.string(),
  status: BookingStatus,
  /** `<openid>#<n>` while booked, `void:<id>` after; unique index: the per-account limit. */
  seat: z.string(),
  code: z.string(),
  /** `<localDate>-<code>` while the code is valid, `void:<id>` after cancellation; unique index. */
  checkinKey: z.string(),
  slotId: z.string(),
  counterId: z.string(),
  /** The counter's station (null: booked at a counter from before bureaus, the first station's). */
  stationId: z._default(z.nullable(z.string()), null),
  serviceId: z.string(),
  startsAt: StoredDate,
  endsAt: StoredDate,
  localDate: z.string(),
  localTime: z.string(),
  /** Names as they were when booked, so the booking reads the same after a catalog change. */
  service: z.object({ name: ServiceName }),
  counter: z.object({ name: ServiceName, place: ServiceName, languages: z.array(Language) }),
  applicant: StoredPerson,
  /** The caller's app language when booking: messages and reminders use it. */
  language: Language,
  createdAt: StoredDate,
  updatedAt: StoredDate,
  cancelledAt: z.nullable(StoredDate),
  checkedInAt: z.nullable(StoredDate),
  checkedInBy: z.nullable(z.string()),
  noShowAt: z.nullable(StoredDate),
  remindedAt: z.nullable(StoredDate),
  closure: z.nullable(z.object({ reason: z.string(), at: StoredDate, notifiedAt: z.nullable(StoredDate) })),
  moves: z.array(z.object({ from: z.string(), to: z.string(), at: StoredDate })),
})
export type BookingDoc = z.infer<typeof BookingDoc>

export const ownBooking = (doc: BookingDoc): OwnBooking => ({ id: doc._id, status: doc.status, slotId: doc.slotId, startsAt: doc.startsAt, seat: doc.seat })

export interface NewBooking {
  id: string
  openid: string
  requestDigest: string
  seat: string
  code: string
  slot: SlotDoc
  service: ServiceType
  counter: CounterType
  applicant: StoredPerson
  language: 'zh' | 'mn'
  now: Date
}

export function bookingRecord(b: NewBooking): BookingDoc {
  return {
    _id: b.id,
    openid: b.openid,
    requestDigest: b.requestDigest,
    status: 'booked',
    seat: b.seat,
    code: b.code,
    checkinKey: checkinKeyOf(b.slot.localDate, b.code),
    slotId: b.slot._id,
    counterId: b.slot.counterId,
    stationId: b.counter.stationId,
    serviceId: b.service.id,
    startsAt: b.slot.startsAt,
    endsAt: b.slot.endsAt,
    localDate: b.slot.localDate,
    localTime: b.slot.localTime,
    service: { name: b.service.name },
    counter: { name: b.counter.name, place: b.counter.place, languages: b.counter.languages },
    applicant: b.applicant,
    language: b.language,
    createdAt: b.now,
    updatedAt: b.now,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    noShowAt: null,
    remindedAt: null,
    closure: null,
    moves: [],
  }
}

/** Codes are shown only while the booking still holds its place at the counter. */
const showsCode = (status: BookingDoc['status']) => status === 'booked' || status === 'checked_in'

export function bookingView(doc: BookingDoc, config: BookingConfig, viewer: Viewer = 'owner'): BookingView {
  return {
    id: doc._id,
    status: doc.status,
    service: { id: doc.serviceId, name: doc.service.name },
    counter: { id: doc.counterId, ...doc.counter },
    slot: { id: doc.slotId, startsAt: doc.startsAt.toISOString(), endsAt: doc.endsAt.toISOString(), localDate: doc.localDate, localTime: doc.localTime },
    applicant: personView(doc.applicant, viewer),
    code: showsCode(doc.status) ? doc.code : null,
    qrPayload: showsCode(doc.status) ? qrPayloadOf(doc._id, doc.code) : null,
    changeableUntil: cancellationDeadline(doc.startsAt, config).toISOString(),
    createdAt: doc.createdAt.toISOString(),
    checkedInAt: doc.checkedInAt?.toISOString() ?? null,
    closure: doc.closure ? { reason: doc.closure.reason, rebook: doc.status === 'station_closed' } : null,
  }
}

export const deskBooking = (doc: BookingDoc, config: BookingConfig, arrivalNo: number | null): DeskBooking => ({ ...bookingView(doc, config, 'staff'), arrivalNo })
