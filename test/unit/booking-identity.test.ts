import * as z from 'zod/mini'
import { Applicant, birthDateOf, ChineseMobile, idCheckCharacter, IdNumber, idNumberProblem, isChineseMobile, isValidIdNumber } from '../../src/core/booking'

describe('identity numbers (GB 11643-1999)', () => {
  describe('the check character (ISO 7064 MOD 11-2)', () => {
    it.each([
      ['11010519491231002', 'X'],
      ['44052418800101001', '4'],
      ['11010120000101123', '2'],
    ])('of %s is %s', (first17, check) => {
      expect(idCheckCharacter(first17)).toBe(check)
    })

    it('makes the weighted sum of all 18 characters ≡ 1 (mod 11), with X worth 10', () => {
      for (const id of ['11010519491231002X', '440524188001010014', '110101200001011232']) {
        const sum = [...id].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (2 ** (17 - i) % 11), 0)
        expect(sum % 11).toBe(1)
      }
    })
  })

  it('accepts valid numbers, with a lower-case x and spaces as people type them', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('110105 19491231 002x')).toBe(true)
    expect(IdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X')
  })

  it.each([
    ['a wrong check digit', '110105194912310021', 'check_digit'],
    ['a birth date that does not exist', '110105194902310027', 'birth_date'],
    ['a 15-digit number from before 1999', '110105491231002', 'format'],
    ['letters', '11010519491231002A', 'format'],
  ])('refuses %s', (_label, id, problem) => {
    expect(idNumberProblem(id)).toBe(problem)
    expect(IdNumber.safeParse(id).success).toBe(false)
  })

  it('reads the birth date', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31')
  })
})

describe('Chinese mobile numbers', () => {
  it.each(['13912345678', '19912345678', '+86 139 1234 5678', '0086-139-1234-5678'])('accepts %s', (phone) => {
    expect(isChineseMobile(phone)).toBe(true)
    expect(ChineseMobile.parse(phone)).toMatch(/^1[3-9]\d{9}$/)
  })

  it.each(['12345678901', '1391234567', '139123456789', '0471-1234567', '+1 415 555 0100', '1391234567a'])('refuses %s', (phone) => {
    expect(isChineseMobile(phone)).toBe(false)
    expect(ChineseMobile.safeParse(phone).success).toBe(false)
  })
})

describe('the applicant', () => {
  const valid = { relation: 'family', name: '巴特尔', phone: '13912345678', idNumber: '11010519491231002X' }

  it('needs a name and a mobile number; the identity number is optional', () => {
    expect(Applicant.parse({ relation: 'self', name: '其木格', phone: '139 1234 5678' })).toEqual({ relation: 'self', name: '其木格', phone: '13912345678' })
    expect(Applicant.safeParse({ relation: 'self', phone: '13912345678' }).success).toBe(false)
    expect(Applicant.safeParse({ relation: 'self', name: '其木格' }).success).toBe(false)
  })

  it('names the bad field', () => {
    const result = Applicant.safeParse({ ...valid, idNumber: '110105194912310021', phone: '0471-1234567' })
    expect(result.success).toBe(false)
    expect((result as { error: z.core.$ZodError }).error.issues.map((i) => i.path.join('.')).sort()).toEqual(['idNumber', 'phone'])
  })

  it('refuses unknown keys', () => {
    expect(Applicant.safeParse({ ...valid, openid: 'someone-else' }).success).toBe(false)
  })
})
