import { LegalName, isLegalName } from '../../src/core/person-name'
import { charCount, hasNonPhoneCharacters, textProblem } from '../../src/core/text-fields'

describe('legal names for registration services', () => {
  it.each(['张桂兰', '巴特尔·那顺', '阿拉坦其其格', 'ᠪᠠᠲᠤ', 'ᠰᠠᠷᠠᠨᠭᠤᠯ ᠪᠠᠲᠤ', 'Maria', '艾力・买买提', '王 强'])('accepts %s', (name) => {
    expect(isLegalName(name)).toBe(true)
    expect(LegalName.safeParse(name).success).toBe(true)
  })

  it.each(['😀😀张', '张三3', '李四!', '<b>王</b>', '··', ' ', '@@'])('refuses %s with a message naming the rule', (name) => {
    const parsed = LegalName.safeParse(name)
    expect(parsed.success).toBe(false)
  })

  it('says which characters a name may use', () => {
    const parsed = LegalName.safeParse('😀😀张')
    expect(parsed.success ? '' : parsed.error.issues[0].message).toMatch(/Han, Mongolian or Latin letters and the middle dot/)
  })
})

describe('text field checks', () => {
  it('counts an emoji as one character, as a person sees it', () => {
    expect(charCount('好😀')).toBe(2)
  })

  it('flags text past the limit instead of cutting it', () => {
    expect(textProblem('a'.repeat(501), { max: 500 })).toBe('tooLong')
    expect(textProblem('a'.repeat(500), { max: 500 })).toBeNull()
    expect(textProblem('  ', { required: true, max: 10 })).toBe('missing')
  })

  it('names letters typed into a phone field rather than dropping them', () => {
    expect(hasNonPhoneCharacters('1380013800a')).toBe(true)
    expect(hasNonPhoneCharacters('0478-1234567')).toBe(false)
  })
})
