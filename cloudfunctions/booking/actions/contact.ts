// Personal data at the desk: bookings and door-to-door requests show the phone masked; an officer
// taps to reveal it (audited), and finds a resident's bookings by phone or ID number through the
// keyed hashes stored beside the ciphertexts, without decrypting anything.
import type { DeskBooking } from '../../../src/core/booking/contract'
import { AppError } from '../../../src/core/envelope'
import { COLLECTIONS } from '../../_shared/collections'
import { lookupHash } from '../../_shared/personal-data'
import { revealPhone } from '../../_shared/reveal'
import type { Ctx } from '../../_shared/runtime'
import { deskBooking } from '../records'
import { requireServes, serves } from '../stations'
import { bookingSettings } from '../settings'
import { bookingsWhere, getBooking } from '../store/bookings'
import { visitForOfficer } from './home-visits'

export const revealBookingContact = async (ctx: Ctx, input: { bookingId: string }) => {
  const booking = await getBooking(input.bookingId)
  if (!booking) throw new AppError('NOT_FOUND', 'No such booking.', undefined, { why: 'unknown_booking' })
  // Another station's resident is not this desk's: refused before anything is revealed or audited.
  requireServes(ctx.user, (await ctx.current()).bureau, booking)
  return revealPhone(ctx, booking.applicant.phone, { collection: COLLECTIONS.bookings, recordId: booking._id, field: 'applicant.phone', place: { record: booking.stationId } })
}

export async function revealHomeVisitContact(ctx: Ctx, input: { visitId: string }) {
  const { visit } = await visitForOfficer(ctx, input.visitId)
  return revealPhone(ctx, visit.person.phone, { collection: COLLECTIONS.homeVisits, recordId: visit._id, field: 'person.phone', place: { record: visit.stationId } })
}

/** Served by the indexes by_phone_hash / by_id_number_hash; by slot time, at most 50. */
export const findBookings = async (ctx: Ctx, input: { phone?: string; idNumber?: string }): Promise<DeskBooking[]> => {
  const where = input.phone ? { 'applicant.phone.hash': lookupHash('phone', input.phone) } : { 'applicant.idNumber.hash': lookupHash('id-number', input.idNumber!) }
  const [found, { bureau }] = await Promise.all([bookingsWhere(where, 50), ctx.current()])
  const config = bookingSettings()
  // Another station's bookings are not this desk's to see (bureau staff see every station's).
  return found.filter((b) => serves(ctx.user, bureau, b)).map((b) => deskBooking(b, config, null))
}
