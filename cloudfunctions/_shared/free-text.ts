// Which strings in action inputs are free text that another person will read, per function and
// action (FREE_TEXT: checked by ./content-security.ts before the action runs), and which strings
// are not checked there and why (NOT_CHECKED_HERE). test/unit/content-fields.test.ts walks every
// action's input schema: a new free-text field fails it until it is listed in one of the two.
// Data only (no SDK), so the unit tier can read it.

/** msgSecCheck v2 scenes: 1 profile (资料), 2 comment (评论), 3 forum (论坛), 4 social log (社交日志). */
export const SCENE = { profile: 1, comment: 2, forum: 3 } as const

export interface FreeText {
  scene: (typeof SCENE)[keyof typeof SCENE]
  /** Dotted paths into the parsed input; `[]` walks an array. */
  fields: string[]
}

export const FREE_TEXT: Record<string, Record<string, FreeText>> = {
  jurisdiction: {
  },
  booking: {
    closeCounterDay: { scene: SCENE.comment, fields: ['reason'] },
    upsertService: {
      scene: SCENE.forum,
      fields: [
        'service.name.zh',
        'service.name.mn',
        'service.summary.zh',
        'service.summary.mn',
        'service.materials[].zh',
        'service.materials[].mn',
        'service.fee.note.zh',
        'service.fee.note.mn',
        'service.notRequired.reason.zh',
        'service.notRequired.reason.mn',
        'service.notRequired.basis',
      ],
    },
    requestHomeVisit: { scene: SCENE.comment, fields: ['note', 'addressText'] },
    recordHomeVisitDone: { scene: SCENE.comment, fields: ['note'] },
  },
  mediation: {
    fileDispute: { scene: SCENE.comment, fields: ['addressText'] },
    rateCase: { scene: SCENE.comment, fields: ['comment'] },
    scheduleSession: { scene: SCENE.comment, fields: ['placeText', 'participants[]'] },
    holdSession: { scene: SCENE.comment, fields: ['notes'] },
    recordAgreement: { scene: SCENE.comment, fields: ['text'] },
    recordNotSettled: { scene: SCENE.comment, fields: ['reason'] },
    addInternalNote: { scene: SCENE.comment, fields: ['text'] },
    completeRectification: { scene: SCENE.comment, fields: ['callbackNote', 'fixNote'] },
  },
  requests: {
    // The request text reaches the officer (and partner units); answers reach the resident.
    submit: { scene: SCENE.comment, fields: ['addressText'] },
    confirm: { scene: SCENE.comment, fields: ['comment'] },
    rate: { scene: SCENE.comment, fields: ['comment'] },
    transfer: { scene: SCENE.comment, fields: ['note'] },
    handOff: { scene: SCENE.comment, fields: ['note', 'contactName'] },
    recordPartnerAnswer: { scene: SCENE.comment, fields: ['text'] },
    reply: { scene: SCENE.comment, fields: ['text', 'textMn'] },
    completeRectification: { scene: SCENE.comment, fields: ['callbackNote', 'fixNote'] },
  },
  volunteers: {
    // The name is shown to the team on the leaderboard.
    apply: { scene: SCENE.profile, fields: ['name'] },
    decide: { scene: SCENE.comment, fields: ['reason'] },
    suspend: { scene: SCENE.comment, fields: ['reason'] },
    createActivity: { scene: SCENE.forum, fields: ['title.zh', 'title.mn', 'description.zh', 'description.mn', 'place.label.zh', 'place.label.mn'] },
    updateActivity: { scene: SCENE.forum, fields: ['title.zh', 'title.mn', 'description.zh', 'description.mn', 'place.label.zh', 'place.label.mn'] },
    cancelActivity: { scene: SCENE.comment, fields: ['reason'] },
    correctHours: { scene: SCENE.comment, fields: ['reason'] },
  },
}

/**
 * Strings in action inputs that are not checked here, and why. With FREE_TEXT this covers every
 * string field without a pattern, an enum or a format (test/unit/content-fields.test.ts).
 */
export const NOT_CHECKED_HERE: Record<string, string> = {
  'account.redeemInvite.code': 'a code, matched against stored hashes',
  'booking.checkIn.code': 'a check-in code or QR text, matched, never shown',
  'booking.book.applicant.name': 'identity data read only by the staff serving the person',
  'booking.book.applicant.phone': 'identity data read only by the staff serving the person',
  'booking.book.applicant.idNumber': 'identity data, encrypted at rest',
  'booking.requestHomeVisit.person.name': 'identity data read only by the staff serving the person',
  'booking.requestHomeVisit.person.phone': 'identity data read only by the staff serving the person',
  'booking.requestHomeVisit.person.idNumber': 'identity data, encrypted at rest',
  'booking.findBookings.phone': 'a lookup key, matched against keyed hashes, never stored',
  'booking.findBookings.idNumber': 'a lookup key, matched against keyed hashes, never stored',
  'mediation.fileDispute.description': 'checked by the action itself, which flags `review` for the officer',
  'mediation.fileDispute.applicant.name': 'identity data read only by the staff mediating',
  'mediation.fileDispute.otherParty.name': 'identity data read only by the staff mediating',
  'volunteers.apply.phone': 'a phone number',
  'requests.submit.text': 'checked by the action itself, which flags `review` for the officer',
  'requests.submit.details.account': 'evidence as the fraudster wrote it (an account id), read only by the staff stopping it',
  'requests.submit.contact.name': 'identity data read only by the staff answering the request',
  'notices.publish.title.zh': 'checked by the action itself, which holds `review` for a leader',
  'notices.publish.title.mn': 'checked by the action itself, which holds `review` for a leader',
  'notices.publish.body.zh': 'checked by the action itself, which holds `review` for a leader',
  'notices.publish.body.mn': 'checked by the action itself, which holds `review` for a leader',
  'notices.correct.title.zh': 'checked by the action itself, which holds `review` for a leader',
  'notices.correct.title.mn': 'checked by the action itself, which holds `review` for a leader',
  'notices.correct.body.zh': 'checked by the action itself, which holds `review` for a leader',
  'notices.correct.body.mn': 'checked by the action itself, which holds `review` for a leader',
  'notices.linkChat.chat.cloudID': 'an opaque WeChat id, resolved by WeChat',
  'notices.linkChat.chat.data.watermark.appid': 'an app id inside WeChat’s signed data',
  'notices.read.chat.cloudID': 'an opaque WeChat id, resolved by WeChat',
  'notices.read.chat.data.watermark.appid': 'an app id inside WeChat’s signed data',
}

export interface FoundText {
  path: Array<string | number>
  text: string
}

/** The non-empty strings at a dotted path (`[]` walks arrays), with their concrete paths. */
export function textsAt(input: unknown, field: string): FoundText[] {
  let found: Array<{ path: Array<string | number>; value: unknown }> = [{ path: [], value: input }]
  for (const part of field.split('.')) {
    const key = part.endsWith('[]') ? part.slice(0, -2) : part
    found = found.flatMap(({ path, value }) => {
      const next = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
      if (!part.endsWith('[]')) return [{ path: [...path, key], value: next }]
      return Array.isArray(next) ? next.map((item, i) => ({ path: [...path, key, i], value: item })) : []
    })
  }
  return found.flatMap(({ path, value }) => (typeof value === 'string' && value.trim() ? [{ path, text: value }] : []))
}

