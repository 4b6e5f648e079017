// The Mongolian safety texts, one test per text that was corrected (issue 17): each says what the
// Chinese says — call 110 (ᠵᠠᠯᠭᠠ-, never "invite" ᠵᠠᠯᠠ-), the emergency sentence kept, "later"
// not "immediately", a negation where the Chinese has one — and every official document names the
// station as the jurisdiction data does.
import jurisdiction from '../../scripts/demo-jurisdiction.json'
import { catalogEntries } from '../../scripts/mongolian/catalog-entries'

const NNBSP = '\u202F'
const entries = catalogEntries()
const mn = (key: string) => {
  const found = entries.filter((entry) => entry.key === key)
  expect(found).toHaveLength(1)
  return found[0].text
}
/** "110 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠ-": call the number 110 by phone, the suffix on "number", not on 110. */
const CALL_110 = new RegExp(`110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ (ᠳᠠᠷᠤᠢ |ᠰᠢᠭᠤᠳ |ᠬᠡᠵᠢᠶ᠎ᠡ${NNBSP}ᠪᠡᠷ )?(ᠤᠲᠠᠰᠤ )?ᠵᠠᠯᠭᠠ`)
const INVITE = /ᠵᠠᠯᠠᠭᠠᠷᠠᠢ|ᠵᠠᠯᠠᠬᠤ/
const URGENT = 'ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ'

describe('every text whose Chinese says to call 110', () => {
  const with110 = entries.filter((entry) => /(?<!\d)110/.test(entry.zh))
  it('finds them', () => expect(with110.length).toBeGreaterThanOrEqual(9))
  it.each(with110.map((entry) => [entry.key, entry.text]))('%s tells to call the number 110', (_key, text) => {
    expect(text).toMatch(CALL_110)
    expect(text).not.toMatch(INVITE)
  })
})

describe('the corrected safety texts', () => {
  it('error.INTERNAL: call (not invite) 110 in an emergency, try again after a while', () => {
    const text = mn('error.INTERNAL')
    expect(text).toMatch(CALL_110)
    expect(text).toContain(URGENT)
    expect(text).toContain('ᠬᠦᠯᠢᠶᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ')
  })

  it('booking.why.too_late: call (not invite) the station', () => {
    const text = mn('booking.why.too_late')
    expect(text).toContain(`ᠰᠠᠯᠪᠤᠷᠢ${NNBSP}ᠳᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ`)
    expect(text).not.toMatch(INVITE)
  })

  it('mediation.why.rate_limited: call 110 in an emergency (not "consult")', () => {
    const text = mn('mediation.why.rate_limited')
    expect(text).toMatch(CALL_110)
    expect(text).toContain(URGENT)
    expect(text).not.toMatch(/ᠯᠠᠪᠯᠠ/)
    expect(text).toContain('{time}')
  })

  it('booking.why.rate_limited keeps the emergency sentence: call the station', () => {
    const text = mn('booking.why.rate_limited')
    expect(text).toContain(URGENT)
    expect(text).toContain(`ᠰᠠᠯᠪᠤᠷᠢ${NNBSP}ᠳᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ`)
    expect(text).toContain('{time}')
  })

  it('on.error.RESOURCE_EXHAUSTED keeps the emergency sentence: tell the station leader', () => {
    const text = mn('on.error.RESOURCE_EXHAUSTED')
    expect(text).toContain(URGENT)
    expect(text).toContain(`ᠳᠠᠷᠤᠭ᠎ᠠ${NNBSP}ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠡᠷᠡᠢ`)
  })

  it('volunteer.board.leave says "do not show me", with its negation', () => {
    expect(mn('volunteer.board.leave')).toMatch(/ᠦᠵᠡᠭᠦᠯᠬᠦ ᠦᠭᠡᠢ$/)
  })

  it('error.CONFLICT has no non-word: someone was first, refresh and try again', () => {
    const text = mn('error.CONFLICT')
    expect(text).not.toContain('ᠳᠤᠷᠤᠢᠯᠠᠨ')
    expect(text).toContain('ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ')
  })

  it('volunteer.certificate.failed says "later", not "immediately"', () => {
    const text = mn('volunteer.certificate.failed')
    expect(text).not.toContain('ᠳᠠᠷᠤᠢ')
    expect(text).toContain('ᠬᠦᠯᠢᠶᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ')
  })

  it('the emergency texts on the home screen call 110 at once', () => {
    expect(mn('emergency.call110')).toBe(`110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠬᠤ`)
    expect(mn('emergency.hint')).toContain(`110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ ᠳᠠᠷᠤᠢ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ`)
    expect(mn('emergency.callFailed')).toContain('ᠭᠠᠷ ᠤᠲᠠᠰᠤ')
  })

  it('the anti-fraud line keeps 96110', () => {
    expect(mn('home.resident.antiFraud')).toMatch(/96110$/)
  })

  it('the rating scale is spelled without ᠩ before a vowel, and "dissatisfied" negates satisfaction', () => {
    expect(mn('mediation.rate.4')).toBe('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠᠢ')
    expect(mn('mediation.rate.2')).toBe('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠ ᠦᠭᠡᠢ')
  })
})

describe('the volunteer certificate, an official document', () => {
  it('names the station exactly as the jurisdiction data does', () => {
    expect(mn('volunteer.certificate.station')).toBe(jurisdiction.station.name.mn)
  })
  it('certifies with the vetted words for service and certificate', () => {
    expect(mn('volunteer.certificate.title')).toBe(`ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ${NNBSP}ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ`)
    expect(mn('volunteer.certificate.body')).toContain('ᠭᠡᠷᠡᠴᠢᠯᠡᠨ᠎ᠡ᠃')
    for (const placeholder of ['{name}', '{year}', '{count}', '{hours}', '{points}']) expect(mn('volunteer.certificate.body')).toContain(placeholder)
  })
})
