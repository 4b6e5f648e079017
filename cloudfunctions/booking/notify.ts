// Subscription messages (订阅消息) about bookings and visits, sent through the shared sender
// (../_shared/subscribe-message.ts: refusals and failures never fail the action).
import type { MessageTemplate } from '../../src/core/booking/config'
import { localized } from '../../src/core/booking/catalog'
import type { Language } from '../../src/core/ids'
import type { Dayjs } from '../../src/core/time'
import { messageTime, sendSubscribeMessage, type Cap, type SendOutcome } from '../_shared/subscribe-message'
import { bookingSettings } from './settings'
import type { BookingDoc } from './records'

export type { SendOutcome }

export function sendMessage(openid: string, template: MessageTemplate, values: Record<string, string>, page: string, now: Dayjs, cap: Cap = {}): Promise<SendOutcome> {
  return sendSubscribeMessage(openid, template, values, page, bookingSettings().messages.miniprogramState, now, 'resident', cap)
}

export { messageTime }

const bookingPage = (bookingId: string) => `${bookingSettings().messages.bookingPage}?tab=mine&id=${bookingId}`

const common = (booking: BookingDoc, language: Language) => ({
  service: localized(booking.service.name, language),
  time: messageTime(booking.startsAt),
  place: localized(booking.counter.place, language),
})

export function sendBookingMessage(kind: 'confirmation' | 'reminder', booking: BookingDoc, now: Dayjs, cap: Cap = {}): Promise<SendOutcome> {
  const template = bookingSettings().messages[kind]
  return sendMessage(booking.openid, template, { ...common(booking, booking.language), code: booking.code }, bookingPage(booking._id), now, cap)
}

export function sendCancellationMessage(booking: BookingDoc, reason: string, now: Dayjs, cap: Cap = {}): Promise<SendOutcome> {
  return sendMessage(booking.openid, bookingSettings().messages.cancellation, { ...common(booking, booking.language), reason }, bookingPage(booking._id), now, cap)
}

export function sendClosureMessage(booking: BookingDoc, reason: string, now: Dayjs): Promise<SendOutcome> {
  return sendMessage(booking.openid, bookingSettings().messages.closure, { ...common(booking, booking.language), reason }, bookingPage(booking._id), now)
}
