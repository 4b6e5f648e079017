// The volunteer journey through the h5 build: a resident applies from the home card; an officer
// approves; the new volunteer signs up for a patrol, checks in by position and checks out; the
// officer sees the attendance and records the hours; the volunteer sees hours and points. Also the
// Mongolian volunteer centre and the officers' monthly figures.
import type { MyRecord, Roster, VolunteerView } from '../../src/core/volunteers/contract'
import { buildActivity, PLACE } from '../integration/volunteers-support'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { officerVolunteersMnMong } from '../../src/packages/officer-volunteers/volunteers/i18n/mn-Mong'
import { volunteerMnMong } from '../../src/packages/volunteer/i18n/mn-Mong'
import { expectMongolian } from './claims'
import { ARTIFACTS, on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-2'
const OFFICER = 'demo-officer-2'
const MONGOLIAN_OFFICER = 'demo-officer-1'
const MONGOLIAN_VOLUNTEER = 'demo-volunteer-1'

// Check-in opens an hour before the start: a patrol starting in 30 minutes can be signed up for
// (deadline in 20) and checked in to now, whatever the hour the suite runs.
const PATROL = buildActivity({
  _id: 'act-e2e-patrol',
  title: { zh: '镇区傍晚巡逻' },
  description: { zh: '沿主街巡逻，注意独居老人家门口的情况。' },
  startsInMinutes: 30,
  minutes: 120,
  deadline: new Date(Date.now() + 20 * 60_000),
  capacity: 4,
  teamIds: ['team-herder-police', 'team-red-armband'],
})

let harness: Harness

/** The certificate picture the page made, kept as a PNG artifact to look at. */
async function keepCertificate(page: Page, name: string) {
  const image = on(page, 'volunteer', '.volunteer-certificate-image img, img.volunteer-certificate-image').first()
  await image.waitFor()
  const src = (await image.getAttribute('src')) ?? ''
  expect(src).toMatch(/^data:image\/png;base64,/)
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), Buffer.from(src.split(',')[1], 'base64'))
}

beforeAll(async () => {
  harness = await startHarness()
  await harness.emulator.seed({ volunteer_activities: [PATROL] })
})

afterAll(async () => {
  await harness?.stop()
})

describe('a resident becomes a volunteer and serves on a patrol', () => {
  it('applies, is approved, signs up, checks in and out, and sees the hours and points the officer recorded', async () => {
    const resident = await harness.openPhone()
    try {
      const { page } = resident
      await signIn(page, RESIDENT)
      await on(page, 'home', '.role-home-volunteer-apply .fq-entry-action').click()
      await on(page, 'volunteer-apply', '.volunteer-apply-form').waitFor()
      await on(page, 'volunteer-apply', '.volunteer-apply-name input').fill('张桂兰')
      await on(page, 'volunteer-apply', '.volunteer-apply-phone input').fill('13912345678')
      await on(page, 'volunteer-apply', '.volunteer-skill-first_aid').click()
      await on(page, 'volunteer-apply', '.volunteer-availability-weekend').click()
      await on(page, 'volunteer-apply', '.volunteer-community-community-chaoge').click()
      await on(page, 'volunteer-apply', '.volunteer-team-team-red-armband').click()
      await shoot(page, 'volunteers-1-apply')
      await on(page, 'volunteer-apply', '.volunteer-apply-submit').click()
      await on(page, 'volunteer-apply', '.volunteer-apply-status.is-pending').waitFor()
      expect(await harness.callAs<VolunteerView | null>(RESIDENT, 'volunteers', { action: 'myVolunteer' })).toMatchObject({ status: 'pending', teamId: 'team-red-armband', skills: ['first_aid'] })
    } finally {
      await resident.context.close()
    }

    const officer = await harness.openPhone()
    try {
      const { page } = officer
      await signIn(page, OFFICER)
      await on(page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(page, 'workbench', '.workbench-open-volunteers .fq-entry-action').click()
      await on(page, 'officer-volunteers', `.ov-applicant-${RESIDENT}.is-pending`).waitFor()
      await shoot(page, 'volunteers-2-officer-applications')
      await on(page, 'officer-volunteers', `.ov-applicant-${RESIDENT} .ov-approve`).click()
      await on(page, 'officer-volunteers', `.ov-applicant-${RESIDENT}.is-active`).waitFor()

      // Publishes a weekly evening patrol for the red-armband team, three weeks running.
      const tomorrow = new Date(Date.now() + (8 + 24) * 3600_000).toISOString().slice(0, 10)
      await on(page, 'officer-volunteers', '.ov-tab-activities').click()
      await on(page, 'officer-volunteers', '.ov-title-zh input').fill('红袖标夜巡')
      await on(page, 'officer-volunteers', '.ov-description input').fill('沿主街和集市巡逻')
      await on(page, 'officer-volunteers', '.ov-place input').fill('集市东口')
      await on(page, 'officer-volunteers', '.ov-community-community-chaoge').click()
      await on(page, 'officer-volunteers', '.ov-date input').fill(tomorrow)
      await on(page, 'officer-volunteers', '.ov-time input').fill('19:00')
      await on(page, 'officer-volunteers', '.ov-team-team-red-armband').click()
      await on(page, 'officer-volunteers', '.ov-repeat input').fill('3')
      await shoot(page, 'volunteers-2b-officer-create')
      await on(page, 'officer-volunteers', '.ov-create-submit').click()
      await on(page, 'officer-volunteers', '.ov-notice').waitFor()
      const listed = await harness.callAs<Array<{ title: { zh: string }; startsAt: string; seriesId: string | null }>>(OFFICER, 'volunteers', { action: 'listActivities' })
      const series = listed.filter((a) => a.title.zh === '红袖标夜巡')
      expect(series).toHaveLength(3)
      expect(series[0].startsAt).toBe(new Date(`${tomorrow}T19:00:00+08:00`).toISOString())
    } finally {
      await officer.context.close()
    }

    const volunteer = await harness.openPhone()
    try {
      const { context, page } = volunteer
      await context.grantPermissions(['geolocation'], { origin: harness.emulator.url })
      await context.setGeolocation({ longitude: PLACE.lng + 0.0005, latitude: PLACE.lat })
      await signIn(page, RESIDENT)
      await on(page, 'home', '.role-home-volunteer .fq-entry-action').click()
      await on(page, 'volunteer', `.volunteer-activity-${PATROL._id}`).waitFor()
      await shoot(page, 'volunteers-3-activities')
      await on(page, 'volunteer', `.volunteer-activity-${PATROL._id} .volunteer-activity-open`).click()
      await on(page, 'volunteer-activity', '.volunteer-signup').click()
      await on(page, 'volunteer-activity', '.volunteer-checkin').waitFor()
      await shoot(page, 'volunteers-4-signed-up')
      await on(page, 'volunteer-activity', '.volunteer-checkin-location').click()
      await on(page, 'volunteer-activity', '.volunteer-checked-in').waitFor()
      await on(page, 'volunteer-activity', '.volunteer-checkout').click()
      await on(page, 'volunteer-activity', '.volunteer-checked-out').waitFor()
      await shoot(page, 'volunteers-5-checked-out')

      // The officer sees the attendance and records the patrol's two hours (checked out before it began).
      const roster = await harness.callAs<Roster>(OFFICER, 'volunteers', { action: 'roster', activityId: PATROL._id })
      expect(roster.placed.find((p) => p.openid === RESIDENT)?.attendance).toMatchObject({ method: 'location', checkedInAt: expect.any(String), checkedOutAt: expect.any(String) })
      await harness.callAs(OFFICER, 'volunteers', { action: 'correctHours', activityId: PATROL._id, openid: RESIDENT, minutes: 120, reason: '巡逻全程在岗' })

      await on(page, 'volunteer-activity', '.volunteer-back').click()
      await on(page, 'volunteer', '.volunteer-tab-record').click()
      await on(page, 'volunteer', '.volunteer-certificate').waitFor()
      expect(await on(page, 'volunteer', '.volunteer-hours .volunteer-figure-value').textContent()).toContain('2')
      expect(await on(page, 'volunteer', '.volunteer-points .volunteer-figure-value').textContent()).toBe('20')
      await shoot(page, 'volunteers-6-my-hours')
      await on(page, 'volunteer', '.volunteer-certificate-share').click()
      await keepCertificate(page, 'volunteers-6b-certificate-zh')
      const record = await harness.callAs<MyRecord>(RESIDENT, 'volunteers', { action: 'myRecord' })
      expect(record).toMatchObject({ minutes: 120, points: 20, activities: 1 })
    } finally {
      await volunteer.context.close()
    }
  })

  it('shows the officer the roster with attendance, the code and the correction log (in Mongolian)', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, MONGOLIAN_OFFICER)
      await page.goto(`${harness.emulator.url}/#/packages/officer-volunteers/pages/volunteers-activity/index?id=${PATROL._id}`)
      await on(page, 'officer-volunteer-activity', `.ov-placed-${RESIDENT} .ov-checked-in`).waitFor()
      await on(page, 'officer-volunteer-activity', `.ov-placed-${RESIDENT} .ov-correction`).waitFor()
      expect(await on(page, 'officer-volunteer-activity', '.ov-code').textContent()).toBe(PATROL.code)
      await expectMongolian(on(page, 'officer-volunteer-activity', '.ov-code-card .fq-card-title'), officerVolunteersMnMong['ov.roster.code'])
      await expectMongolian(on(page, 'officer-volunteer-activity', `.ov-placed-${RESIDENT} .ov-checked-in`), officerVolunteersMnMong['ov.roster.in'])
      await expectMongolian(on(page, 'officer-volunteer-activity', `.ov-placed-${RESIDENT} .ov-correction`), officerVolunteersMnMong['ov.correct.log'])
      await shoot(page, 'volunteers-7-officer-roster-mn')
      // Raises the capacity and renames the patrol; the times stay.
      await on(page, 'officer-volunteer-activity', '.ov-edit-title input').fill('镇区傍晚巡逻（加人）')
      await on(page, 'officer-volunteer-activity', '.ov-capacity input').fill('6')
      await on(page, 'officer-volunteer-activity', '.ov-edit-save').click()
      await on(page, 'officer-volunteer-activity', '.ov-message').waitFor()
      const edited = await harness.callAs<Roster>(MONGOLIAN_OFFICER, 'volunteers', { action: 'roster', activityId: PATROL._id })
      expect(edited.activity).toMatchObject({ capacity: 6, title: { zh: '镇区傍晚巡逻（加人）' }, startsAt: PATROL.startsAt.toISOString() })
      await page.goto(`${harness.emulator.url}/#/packages/officer-volunteers/pages/volunteers/index`)
      await on(page, 'officer-volunteers', '.ov-tab-figures').click()
      await on(page, 'officer-volunteers', '.ov-team-team-red-armband').waitFor()
      await shoot(page, 'volunteers-8-officer-figures-mn')
    } finally {
      await context.close()
    }
  })

  // The certificate picture's own Mongolian columns are drawn on a canvas: the screenshot shows them.
  it('shows a Mongolian-speaking volunteer the centre and the leaderboard in vertical script, and the certificate as a picture', async () => {
    await harness.callAs(MONGOLIAN_VOLUNTEER, 'volunteers', { action: 'signUp', activityId: PATROL._id })
    await harness.callAs(OFFICER, 'volunteers', { action: 'correctHours', activityId: PATROL._id, openid: MONGOLIAN_VOLUNTEER, minutes: 90, reason: '巡逻' })
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, MONGOLIAN_VOLUNTEER)
      await on(page, 'home', '.role-home-volunteer .fq-entry-action').click()
      await on(page, 'volunteer', `.volunteer-activity-${PATROL._id}`).waitFor()
      await expectMongolian(on(page, 'volunteer', '.volunteer-tab-activities'), volunteerMnMong['volunteer.tab.activities'])
      await shoot(page, 'volunteers-9-centre-mn')
      await on(page, 'volunteer', '.volunteer-tab-board').click()
      await on(page, 'volunteer', '.volunteer-board').waitFor()
      await expectMongolian(on(page, 'volunteer', '.volunteer-board .fq-card-title'), volunteerMnMong['volunteer.board.title'])
      await expectMongolian(on(page, 'volunteer', '.volunteer-board-row.is-me'), volunteerMnMong['volunteer.board.me'])
      await shoot(page, 'volunteers-10-board-mn')
      await on(page, 'volunteer', '.volunteer-tab-record').click()
      await expectMongolian(on(page, 'volunteer', '.volunteer-certificate-title'), volunteerMnMong['volunteer.certificate.title'])
      await on(page, 'volunteer', '.volunteer-certificate-share').click()
      await keepCertificate(page, 'volunteers-11-certificate-mn')
    } finally {
      await context.close()
    }
  })

  it('reads larger in elder mode: the activity page of a volunteer who turned it on', async () => {
    await harness.callAs(MONGOLIAN_VOLUNTEER, 'account', { action: 'updatePreferences', language: 'zh', elderMode: true })
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, MONGOLIAN_VOLUNTEER)
      await page.goto(`${harness.emulator.url}/#/packages/volunteer/pages/activity/index?id=${PATROL._id}`)
      await on(page, 'volunteer-activity', '.volunteer-detail').waitFor()
      expect(await page.locator('#page-volunteer-activity').getAttribute('class')).toContain('elder')
      const size = await on(page, 'volunteer-activity', '.volunteer-detail .fq-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(size).toBeGreaterThanOrEqual(20)
      await shoot(page, 'volunteers-12-activity-elder')
    } finally {
      await context.close()
    }
  })
})
