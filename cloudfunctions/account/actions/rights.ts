// Residents' rights (PIPL arts. 45 and 47): export everything stored about oneself, and delete
// one's account. The account function reaches into the other functions' stores (bundled into it)
// rather than calling them, so that deletion reuses their own write paths — the booking cancel
// path gives places back, the volunteers' entry pull lets the waitlist move up — under one caller.
//
// Deletion keeps what the station must keep (served bookings, done door-to-door visits, filed
// disputes, attendance hours), rewritten under a pseudonym with names, phones, ID numbers,
// addresses and positions removed, and removes the rest. It runs in the order that leaves a
// repeat call able to finish a cut-off one: the user document goes last.
import { randomBytes } from 'node:crypto'
import { voidSeat } from '../../../src/core/booking/rules'
import { AppError } from '../../../src/core/envelope'
import type { DeletionReport, MyData } from '../../../src/core/privacy/contract'
import { STAFF } from '../../../src/core/roles'
import type { Dayjs } from '../../../src/core/time'
import { audit } from '../../_shared/audit'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { readDoc } from '../../_shared/documents'
import { disclose, type Kind, type Protected } from '../../_shared/personal-data'
import type { Ctx } from '../../_shared/runtime'
import { users } from '../../_shared/users'
import { withdrawBooking } from '../../booking/actions/manage'
import type { StoredPerson } from '../../booking/records'
import { bookings, myBookingList, type BookingDoc } from '../../booking/store/bookings'
import { getSlot, slots } from '../../booking/store/slots'
import { visits, visitsOf } from '../../booking/store/visits'
import { cases, casesOf } from '../../mediation/store'
import { filerSubject } from '../../requests/actions/intake'
import { requests, requestsOf } from '../../requests/store'
import { ReaderDoc } from '../../notices/records'
import { deliveries, readers, receipts } from '../../notices/store'
import { attendanceId, type ActivityDoc } from '../../volunteers/records'
import { activities, activitiesWhere, attendance, attendanceWhere, getVolunteer, pullEntry, volunteers } from '../../volunteers/store'

const routedRequests = () => db.collection(COLLECTIONS.routedRequests)

// ── Export ────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>

/** The document as JSON (dates as ISO text), with the Protected values at `paths` in clear. */
function exported(doc: object, paths: Array<[string, Kind]>): Json {
  const out = JSON.parse(JSON.stringify(doc)) as Json
  for (const [path, kind] of paths) {
    const keys = path.split('.')
    const value = keys.reduce<unknown>((v, k) => (v as Json | null)?.[k], doc) as Protected | null | undefined
    if (!value) continue
    const parent = keys.slice(0, -1).reduce<Json>((v, k) => v[k] as Json, out)
    parent[keys.at(-1)!] = disclose(kind, value)
  }
  return out
}

const withoutInternal = ({ _id, ...rest }: Json) => ({ id: _id, ...rest })

export async function exportMyData(ctx: Ctx): Promise<MyData> {
  const openid = ctx.openid
  const [myBookings, myVisits, myCases, volunteer, mySignUps, myAttendance, reader, myReceipts, consultations, myRequests] = await Promise.all([
    myBookingList(openid),
    visitsOf(openid),
    casesOf(openid),
    getVolunteer(openid),
    activitiesWhere({ 'entries.openid': openid }, 200),
    attendanceWhere({ openid }, 1000),
    readDoc(readers(), openid, ReaderDoc),
    receipts().where({ openid }).orderBy('at', 'desc').limit(1000).get(),
    routedRequests().where({ requesterOpenid: openid }).orderBy('createdAt', 'desc').limit(100).get(),
    requestsOf(openid),
  ])
  const person: Array<[string, Kind]> = [['phone', 'phone'], ['idNumber', 'id-number']]
  return {
    exportedAt: ctx.now().toISOString(),
    user: withoutInternal(exported(ctx.user, [])),
    bookings: myBookings.map((b) => withoutInternal(exported(b, person.map(([p, k]) => [`applicant.${p}`, k])))),
    homeVisits: myVisits.map((v) => withoutInternal(exported(v, person.map(([p, k]) => [`person.${p}`, k])))),
    // The other party's phone is that person's data, not the applicant's: it stays masked.
    mediationCases: myCases.map(({ internalNotes: _internal, otherParty, ...c }) =>
      withoutInternal({ ...exported(c, [['applicant.phone', 'phone']]), otherParty: otherParty && { name: otherParty.name, phone: otherParty.phone?.masked ?? null } }),
    ),
    // Named requests only: an anonymous one is linked to nobody (its filer holds its secret).
    requests: myRequests.map(({ followKey: _none, ...r }) => withoutInternal(exported(r, [['filer.phone', 'phone']]))),
    consultations: ((consultations as { data: Json[] }).data ?? []).map((r) => withoutInternal(exported(r, []))),
    volunteer: volunteer ? withoutInternal(exported(volunteer, [['phone', 'phone']])) : null,
    volunteerSignUps: mySignUps.map((a) => {
      const entry = a.entries.find((e) => e.openid === openid)!
      return { activityId: a._id, title: a.title, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), signedUpAt: entry.at.toISOString(), status: a.status }
    }),
    volunteerAttendance: myAttendance.map((a) => withoutInternal(exported(a, []))),
    noticeSubscription: reader ? withoutInternal(exported(reader, [])) : null,
    noticeReceipts: ((myReceipts as { data: Json[] }).data ?? []).map((r) => withoutInternal(exported(r, []))),
  }
}

// ── Deletion ──────────────────────────────────────────────────────────────────────────────────

/** A person kept in a record the station must keep: the relation only. */
const erasedPerson = (p: StoredPerson): StoredPerson => ({ relation: p.relation, name: '', phone: null, idNumber: null })

type Tally = Record<string, number>
const bump = (tally: Tally, key: string, by = 1) => {
  if (by > 0) tally[key] = (tally[key] ?? 0) + by
}
const removedCount = (result: unknown) => (result as { stats?: { removed?: number } }).stats?.removed ?? 0

/** The slot's holder of `booking` under the pseudonym; the holders array is rewritten only if no other place changed since the read. */
async function renameHolder(booking: BookingDoc, pseudonym: string) {
  const slot = await getSlot(booking.slotId)
  if (!slot || !slot.holders.some((h) => h.bookingId === booking._id)) return
  const holders = slot.holders.map((h) => (h.bookingId === booking._id ? { ...h, openid: pseudonym } : h))
  const result = (await slots()
    .where({ _id: slot._id, remaining: slot.remaining, 'holders.bookingId': booking._id, 'holders.openid': booking.openid })
    .update({ data: { holders: _.set(holders) } })) as { stats: { updated: number } }
  if (result.stats.updated !== 1) throw new AppError('CONFLICT', 'A booking changed during deletion; try again.', undefined, { why: 'changed' })
}

async function eraseBookings(openid: string, pseudonym: string, now: Dayjs, removed: Tally, anonymised: Tally) {
  // Every booking handled leaves the query (removed, or no longer the caller's), so it is its own cursor.
  for (let list = await myBookingList(openid); list.length > 0; list = await myBookingList(openid)) {
    for (const booking of list) {
      // A booking that changed meanwhile (checked in at this moment) is handled as it now is, on the next round.
      if (booking.status === 'booked' && !(await withdrawBooking(booking, { openid, status: 'booked' }, now))) continue
      if (booking.status === 'checked_in') {
        await renameHolder(booking, pseudonym)
        await bookings()
          .doc(booking._id)
          .update({ data: { openid: pseudonym, requestDigest: '', seat: voidSeat(booking._id), applicant: _.set(erasedPerson(booking.applicant)), updatedAt: now.toDate() } })
        bump(anonymised, 'bookings')
      } else {
        // A missed booking keeps its past place taken: the holder is renamed before the booking goes.
        if (booking.status === 'no_show') await renameHolder(booking, pseudonym)
        bump(removed, 'bookings', removedCount(await bookings().doc(booking._id).remove()))
      }
    }
  }
}

async function eraseHomeVisits(openid: string, pseudonym: string, now: Dayjs, removed: Tally, anonymised: Tally) {
  for (let list = await visitsOf(openid); list.length > 0; list = await visitsOf(openid)) {
    for (const visit of list) {
      if (visit.status === 'done') {
        const data = { requesterOpenid: pseudonym, requestDigest: '', person: _.set(erasedPerson(visit.person)), note: null, addressText: '', location: null, updatedAt: now.toDate() }
        await visits().doc(visit._id).update({ data })
        bump(anonymised, 'homeVisits')
      } else {
        bump(removed, 'homeVisits', removedCount(await visits().doc(visit._id).remove()))
      }
    }
  }
}

/** Mediation records are the station's archive: every filed case stays, without the applicant. */
async function eraseCases(openid: string, pseudonym: string, now: Dayjs, anonymised: Tally) {
  for (let list = await casesOf(openid); list.length > 0; list = await casesOf(openid)) {
    for (const doc of list) {
      // Staff may have written the applicant's name among a session's participants.
      const sessions = doc.sessions.map((s) => ({ ...s, participants: s.participants.filter((p) => p !== doc.applicant.name) }))
      const data = { applicantOpenid: pseudonym, requestDigest: '', applicant: _.set({ name: '', phone: null }), partiesKey: null, location: null, addressText: null, sessions: _.set(sessions), updatedAt: now.toDate(), version: _.inc(1) }
      await cases().doc(doc._id).update({ data })
      bump(anonymised, 'mediationCases')
    }
  }
}

/** Requests are the station's archive too: each stays, without the filer's account, name, phone or place. */
async function eraseRequests(openid: string, pseudonym: string, now: Dayjs, removed: Tally, anonymised: Tally) {
  for (let list = await requestsOf(openid); list.length > 0; list = await requestsOf(openid)) {
    for (const doc of list) {
      const data = { filerOpenid: pseudonym, requestDigest: '', filer: _.set({ name: null, phone: null }), location: null, addressText: null, updatedAt: now.toDate(), version: _.inc(1) }
      await requests().doc(doc._id).update({ data })
      bump(anonymised, 'requests')
    }
  }
  // The filing limit's counters name a keyed digest of the account; they go too.
  bump(removed, 'rateCounters', removedCount(await db.collection(COLLECTIONS.rateCounters).where({ subject: filerSubject(openid) }).remove()))
}

/** Marks like `<openid>@<time>` on an activity name the volunteer too. */
const marksOf = (doc: ActivityDoc, openid: string) => ({
  promoted: doc.promoted.filter((k) => k.startsWith(`${openid}@`)),
  reminded: doc.reminded.filter((k) => k.startsWith(`${openid}@`) || k === openid),
  cancelNoticed: doc.cancelNoticed.filter((k) => k.startsWith(`${openid}@`) || k === openid),
})

async function eraseVolunteering(openid: string, pseudonym: string, now: Dayjs, removed: Tally, anonymised: Tally) {
  // Places in activities not yet started are given up: the first waiting moves up in the same
  // write, and the volunteers' notices job tells them (the cancel path's own guarantee).
  for (let list = await activitiesWhere({ 'entries.openid': openid }, 50); list.length > 0; list = await activitiesWhere({ 'entries.openid': openid }, 50)) {
    for (const activity of list) {
      const marks = marksOf(activity, openid)
      if (activity.startsAt > now.toDate() && (await pullEntry(activity._id, openid, now.toDate(), now.toDate()))) {
        bump(removed, 'volunteerSignUps')
      } else {
        // A past activity keeps its entry (its figures count it) under the pseudonym.
        const entries = activity.entries.map((e) => (e.openid === openid ? { ...e, openid: pseudonym } : e))
        const result = (await activities()
          .where({ _id: activity._id, count: activity.count, updatedAt: activity.updatedAt })
          .update({ data: { entries: _.set(entries) } })) as { stats: { updated: number } }
        if (result.stats.updated !== 1) throw new AppError('CONFLICT', 'An activity changed during deletion; try again.', undefined, { why: 'changed' })
        bump(anonymised, 'volunteerSignUps')
      }
      for (const [field, keys] of Object.entries(marks)) if (keys.length > 0) await activities().doc(activity._id).update({ data: { [field]: _.pullAll(keys) } })
    }
  }
  // Attendance (hours, points) stays for the station's figures, re-keyed under the pseudonym.
  for (let list = await attendanceWhere({ openid }, 200); list.length > 0; list = await attendanceWhere({ openid }, 200)) {
    for (const { _id, ...record } of list) {
      await attendance().add({ data: { ...record, _id: attendanceId(record.activityId, pseudonym), openid: pseudonym, updatedAt: now.toDate() } })
      await attendance().doc(_id).remove()
      bump(anonymised, 'volunteerAttendance')
    }
  }
  bump(removed, 'volunteerProfile', removedCount(await volunteers().doc(openid).remove()))
}

async function eraseNoticesAndConsultations(openid: string, removed: Tally) {
  bump(removed, 'noticeSubscription', removedCount(await readers().doc(openid).remove()))
  bump(removed, 'noticeReceipts', removedCount(await receipts().where({ openid }).remove()))
  bump(removed, 'noticeDeliveries', removedCount(await deliveries().where({ openid }).remove()))
  bump(removed, 'consultations', removedCount(await routedRequests().where({ requesterOpenid: openid }).remove()))
}

/** Abuse-limit counters name the person (they expire within a day anyway); picture checks keep the pseudonym. */
async function eraseSecurityRecords(openid: string, pseudonym: string, removed: Tally, anonymised: Tally) {
  bump(removed, 'rateCounters', removedCount(await db.collection(COLLECTIONS.rateCounters).where({ subject: openid }).remove()))
  const renamed = (await db.collection(COLLECTIONS.mediaChecks).where({ uploader: openid }).update({ data: { uploader: pseudonym } })) as { stats?: { updated?: number } }
  bump(anonymised, 'mediaChecks', renamed.stats?.updated ?? 0)
}

export async function deleteMyAccount(ctx: Ctx): Promise<DeletionReport> {
  // A staff identity is bound to an officer record and signs the station's records: an admin unbinds it.
  if (ctx.user.officerId || ctx.user.roles.some((r) => STAFF.includes(r))) {
    throw new AppError('FAILED_PRECONDITION', 'Staff accounts are closed by the station’s admin, not deleted here.', undefined, { why: 'staff' })
  }
  const now = ctx.now()
  const pseudonym = `erased_${randomBytes(12).toString('hex')}`
  const removed: Tally = {}
  const anonymised: Tally = {}
  await eraseBookings(ctx.openid, pseudonym, now, removed, anonymised)
  await eraseHomeVisits(ctx.openid, pseudonym, now, removed, anonymised)
  await eraseCases(ctx.openid, pseudonym, now, anonymised)
  await eraseRequests(ctx.openid, pseudonym, now, removed, anonymised)
  await eraseVolunteering(ctx.openid, pseudonym, now, removed, anonymised)
  await eraseNoticesAndConsultations(ctx.openid, removed)
  await eraseSecurityRecords(ctx.openid, pseudonym, removed, anonymised)
  // The log names the pseudonym, never the openid: the entry itself must not keep the person.
  const total = Object.values(removed).reduce((a, b) => a + b, 0) + Object.values(anonymised).reduce((a, b) => a + b, 0)
  // The entry is the station of the resident's binding (none: the first station's, as their records are).
  await audit({ openid: pseudonym, user: { roles: ctx.user.roles } }, 'deleteMyAccount', { collection: COLLECTIONS.users, recordId: pseudonym, place: { record: ctx.user.stationId } }, now, total)
  bump(removed, 'user', removedCount(await users().doc(ctx.openid).remove()))
  return { removed, anonymised }
}
