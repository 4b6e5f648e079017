// The deploy's secrets: read from the environment over .env.local, masked in everything printed.
import { parseEnvFile, Redactor } from '../../scripts/deploy/secrets'

describe('parseEnvFile', () => {
  it('reads KEY=value lines with comments, export and quotes', () => {
    expect(parseEnvFile('# Tencent Cloud\nexport TENCENTCLOUD_SECRETID=AKIDabc\n\nWX_APPSECRET="s3cret value"\nRATE_LIMITS=\'{"booking":{"max":5,"per":"day"}}\'\n')).toEqual({
      TENCENTCLOUD_SECRETID: 'AKIDabc',
      WX_APPSECRET: 's3cret value',
      RATE_LIMITS: '{"booking":{"max":5,"per":"day"}}',
    })
  })

  it('names the line that is not KEY=value, without printing it', () => {
    expect(() => parseEnvFile('A=1\nthis line holds a secret')).toThrow(/^\.env\.local line 2 is not KEY=value$/)
  })
})

describe('Redactor', () => {
  it('masks every secret wherever it appears, the longest first', () => {
    const redactor = new Redactor()
    redactor.addFromEnvironment({ TENCENTCLOUD_SECRETKEY: 'abcdef123456', WX_APPSECRET: 'abcdef123456XYZ', PERSONAL_DATA_KEY: 'key-material-1', WX_APPID: 'wx123456' }, ['PERSONAL_DATA_KEY'])
    expect(redactor.redact('signed with abcdef123456XYZ and abcdef123456; key key-material-1 for wx123456')).toBe('signed with •••• and ••••; key •••• for wx123456')
  })

  it('leaves short values alone, which would mask ordinary words', () => {
    const redactor = new Redactor()
    redactor.add('k1')
    expect(redactor.redact('k1 is the key id')).toBe('k1 is the key id')
  })
})
