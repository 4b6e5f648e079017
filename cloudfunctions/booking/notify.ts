// Subscription messages (订阅消息) about bookings and visits. A message is a courtesy: a resident
// who refused subscriptions (errcode 43101) or any other send failure never fails the action
// that triggered it; the outcome is logged and returned for whoever wants to record it.
import type { MessageTemplate } from '../../src/core/booking/config'
import { localized } from '../../src/core/booking/catalog'
import type { Language } from '../../src/core/ids'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'
import { cloud } from '../_shared/cloud'
import { bookingSettings } from './settings'
import type { BookingDoc } from './records'

export type SendOutcome = 'sent' | 'refused' | 'failed'

/** WeChat's limits per keyword type: thing ≤ 20 characters, character_string ≤ 32, phrase ≤ 5. */
function fit(key: string, value: string): string {
  const limit = key.startsWith('thing') ? 20 : key.startsWith('character_string') ? 32 : key.startsWith('phrase') ? 5 : 64
  const chars = [...value]
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`
}

export async function sendMessage(openid: string, template: MessageTemplate, values: Record<string, string>, page: string): Promise<SendOutcome> {
  const data = Object.fromEntries(Object.entries(template.fields).map(([name, key]) => [key, { value: fit(key, values[name] ?? '') }]))
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId: template.templateId,
      page,
      data,
      miniprogramState: bookingSettings().messages.miniprogramState,
      lang: 'zh_CN',
    })
    return 'sent'
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode
    if (errCode === 43101) return 'refused'
    console.warn('[booking] subscription message not sent', template.templateId, errCode, (error as Error).message)
    return 'failed'
  }
}

export const messageTime = (at: Date) => dayjs(at).tz(STATION_TIME_ZONE).format('YYYY年MM月DD日 HH:mm')

const bookingPage = (bookingId: string) => `${bookingSettings().messages.bookingPage}?tab=mine&id=${bookingId}`

const common = (booking: BookingDoc, language: Language) => ({
  service: localized(booking.service.name, language),
  time: messageTime(booking.startsAt),
  place: localized(booking.counter.place, language),
})

export function sendBookingMessage(kind: 'confirmation' | 'reminder', booking: BookingDoc): Promise<SendOutcome> {
  const template = bookingSettings().messages[kind]
  return sendMessage(booking.openid, template, { ...common(booking, booking.language), code: booking.code }, bookingPage(booking._id))
}

export function sendCancellationMessage(booking: BookingDoc, reason: string): Promise<SendOutcome> {
  return sendMessage(booking.openid, bookingSettings().messages.cancellation, { ...common(booking, booking.language), reason }, bookingPage(booking._id))
}

export function sendClosureMessage(booking: BookingDoc, reason: string): Promise<SendOutcome> {
  return sendMessage(booking.openid, bookingSettings().messages.closure, { ...common(booking, booking.language), reason }, bookingPage(booking._id))
}
