// Volunteers per station through the h5 build (issue 21): a volunteer of the bureau's second
// station (巴音宝力格镇派出所, team 巴音宝力格镇治安巡逻队) opens the volunteer centre and finds their
// station's activity and the bureau-wide one (the banner's anti-fraud week), each card saying
// which, and none of the first station's. Screenshots in Chinese and in Mongolian.
import type { Page } from 'playwright-core'
import { newUser } from '../../cloudfunctions/_shared/user-record'
import { protect } from '../../cloudfunctions/_shared/personal-data'
import { dayjs } from '../../src/core/time'
import { volunteerMnMong } from '../../src/packages/volunteer/i18n/mn-Mong'
import { expectMongolian } from './claims'
import { officerVolunteersMnMong } from '../../src/packages/officer-volunteers/volunteers/i18n/mn-Mong'
import { acceptPrivacy, on, shoot, signIn, startHarness, type Harness } from './harness'

/** Not among the h5 picker's identities: chosen the way the picker stores its choice. */
const VOLUNTEER_BB = 'e2e-volunteer-bb'
const STATION_BB = 'station-bayanbolag'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
  const now = dayjs()
  await harness.emulator.seed({
    users: [{ ...newUser(VOLUNTEER_BB, now), roles: ['resident', 'volunteer'], displayName: '巴图', language: 'zh', communityId: 'community-altan', stationId: STATION_BB }],
    volunteers: [
      {
        _id: VOLUNTEER_BB,
        name: '巴图',
        phone: protect('phone', '13912340088'),
        skills: ['mongolian'],
        availability: ['weekend'],
        communityId: 'community-altan',
        teamId: 'team-bb-patrol',
        status: 'active',
        reason: null,
        appliedAt: now.subtract(10, 'day').toDate(),
        decidedAt: now.subtract(9, 'day').toDate(),
        decidedBy: 'demo-officer-bb-1',
        leaderboardOptOut: false,
        holds: [],
        stationId: STATION_BB,
      },
    ],
  })
})
afterAll(async () => {
  await harness?.stop()
})

it('shows a second-station volunteer their station’s and the bureau-wide activities, in Chinese and in Mongolian', async () => {
  const { context, page } = await harness.openPhone()
  try {
    await page.goto(`${harness.emulator.url}/#/pages/index/index`)
    await page.evaluate((openid) => window.localStorage.setItem('fengqiao.demoOpenid', openid), VOLUNTEER_BB)
    await page.reload()
    await on(page, 'home', '.privacy-prompt, .role-home-resident').first().waitFor()
    if ((await on(page, 'home', '.privacy-prompt').count()) > 0) await acceptPrivacy(page)
    await on(page, 'home', '.role-home-volunteer .fq-entry-action').click()

    const own = on(page, 'volunteer', '.volunteer-activity-act-demo-bb-patrol')
    const bureauWide = on(page, 'volunteer', '.volunteer-activity-act-demo-bureau-antifraud')
    await own.waitFor()
    await bureauWide.waitFor()
    expect(await own.getAttribute('class')).toContain('is-own-station')
    expect(await own.locator('.volunteer-scope.is-station').textContent()).toBe('本派出所的活动')
    expect(await bureauWide.getAttribute('class')).toContain('is-bureau-wide')
    expect(await bureauWide.locator('.volunteer-scope.is-bureau').textContent()).toBe('全旗活动：各派出所的志愿者都可报名')
    // The first station's activities are its own teams': not listed here.
    expect(await on(page, 'volunteer', '.volunteer-activity-act-demo-patrol').count()).toBe(0)
    expect(await on(page, 'volunteer', '.volunteer-activity-act-demo-antifraud').count()).toBe(0)
    await shoot(page, 'volunteers-stations-1-list-zh')

    await harness.callAs(VOLUNTEER_BB, 'account', { action: 'updatePreferences', language: 'mn', elderMode: false })
    await page.reload()
    await page.locator('#page-volunteer.lang-mn').waitFor()
    await own.waitFor()
    await expectMongolian(own.locator('.volunteer-scope.is-station'), volunteerMnMong['volunteer.activity.scope.station'])
    await expectMongolian(bureauWide.locator('.volunteer-scope.is-bureau'), volunteerMnMong['volunteer.activity.scope.bureau'])
    await shoot(page, 'volunteers-stations-2-list-mn')
    // Vertical script runs in columns left to right: the bureau-wide card comes next along.
    await bureauWide.scrollIntoViewIfNeeded()
    await shoot(page, 'volunteers-stations-3-bureau-wide-mn')
  } finally {
    await context.close()
  }
})

it('offers staff only the teams they manage in the activity form: a station’s leader their station’s, the bureau leader every team, one station at a time', async () => {
  const openForm = async (openid: string) => {
    const phone = await harness.openPhone()
    await signIn(phone.page, openid)
    await on(phone.page, 'home', '.role-home-officer .fq-entry-action').click()
    await on(phone.page, 'workbench', '.workbench-open-volunteers .fq-entry-action').click()
    await on(phone.page, 'officer-volunteers', '.ov-tab-activities').click()
    return phone
  }
  const team = (page: Page, id: string) => on(page, 'officer-volunteers', `.ov-team-${id}`)

  const leader = await openForm('demo-leader-bb-1')
  try {
    await team(leader.page, 'team-bb-patrol').waitFor()
    // The bureau-wide team (which createActivity refuses them) and other stations' teams are not offered.
    expect(await team(leader.page, 'team-bureau-antifraud').count()).toBe(0)
    expect(await team(leader.page, 'team-red-armband').count()).toBe(0)
    await team(leader.page, 'team-bb-patrol').scrollIntoViewIfNeeded()
    await shoot(leader.page, 'volunteers-stations-4-form-station-leader')
  } finally {
    await leader.context.close()
  }

  await harness.callAs('demo-bureau-leader', 'account', { action: 'updatePreferences', language: 'mn', elderMode: false })
  const bureau = await openForm('demo-bureau-leader')
  try {
    for (const id of ['team-red-armband', 'team-bb-patrol', 'team-bureau-antifraud']) await team(bureau.page, id).waitFor()
    await expectMongolian(on(bureau.page, 'officer-volunteers', '.ov-teams-hint'), officerVolunteersMnMong['ov.create.teamsHint'])
    // One activity's teams are of one station: once 巴音宝力格's team is chosen, the others are not.
    await team(bureau.page, 'team-bb-patrol').click()
    expect(await team(bureau.page, 'team-red-armband').getAttribute('class')).toContain('disabled')
    expect(await team(bureau.page, 'team-bureau-antifraud').getAttribute('class')).toContain('disabled')
    expect(await team(bureau.page, 'team-bb-patrol').getAttribute('class')).not.toContain('disabled')
    await team(bureau.page, 'team-bb-patrol').scrollIntoViewIfNeeded()
    await shoot(bureau.page, 'volunteers-stations-5-form-bureau-leader-mn')
  } finally {
    await bureau.context.close()
    await harness.callAs('demo-bureau-leader', 'account', { action: 'updatePreferences', language: 'zh', elderMode: false })
  }
})

