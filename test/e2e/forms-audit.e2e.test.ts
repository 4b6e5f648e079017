// The forms audit (issue 19): every form, in Chinese, Mongolian and Mongolian elder mode, checked
// for what makes a form usable without help: each input has a visible label; each box is big enough
// to see what one types in both directions; submitting it empty marks every required field with
// its own message; and the 110 button is on the first screen wherever the screen offers it. It
// prints a table of forms × checks; every cell must pass.
import type { Page } from 'playwright-core'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
}, 180_000)
afterAll(() => harness?.stop())

type Mode = 'zh' | 'mn' | 'mn-elder'
const MODES: Mode[] = ['zh', 'mn', 'mn-elder']

/** Smallest box a text field may have, in CSS pixels: a phone number and a name fit whole. */
const MIN_INPUT = { width: 200, height: 34 }
/** A multi-line box shows a sentence or two. */
const MIN_TEXTAREA = { width: 200, height: 80 }

interface FormCase {
  name: string
  as: string
  screen: string
  /** Opens the form (the page is already in the mode) and returns the form's root selector. */
  open: (page: Page) => Promise<string>
  submit: string
  /** Required fields' FormField classes; each must be marked after an empty submit. */
  required: string[]
  /** Whether this screen offers the 110 button (resident screens where danger may be at hand). */
  has110: boolean
}

const goTo = async (page: Page, url: string) => {
  await page.goto(`${harness.emulator.url}/#${url}`)
}

/** Empties every text box of the form (prefilled names included) so the submit is really empty. */
async function clearTextBoxes(page: Page, form: string) {
  for (const box of await page.locator(`${form} input:not([type=hidden]), ${form} textarea`).all()) await box.fill('')
}

let disputeForCasework = ''

const FORMS: FormCase[] = [
  {
    name: 'dispute filing',
    as: 'demo-resident-2',
    screen: 'mediation',
    async open(page) {
      await goTo(page, '/packages/mediation/pages/index/index')
      await on(page, 'mediation', '.mediation-danger-no').click()
      return '#page-mediation .mediation-form'
    },
    submit: '.mediation-submit',
    required: ['.mediation-field-type', '.mediation-field-description', '.mediation-field-name', '.mediation-field-phone'],
    has110: true,
  },
  {
    name: 'booking applicant',
    as: 'demo-resident-2',
    screen: 'booking',
    async open(page) {
      await goTo(page, '/packages/booking/pages/index/index')
      // Taro keeps the page from the previous mode at its person step: start over from the services.
      await on(page, 'booking', '.booking-service-id-card-first, .booking-service-change').first().waitFor()
      if ((await on(page, 'booking', '.booking-service-change').count()) > 0) await on(page, 'booking', '.booking-service-change').click()
      // The choose button is in the service's detail, which opens on tapping its name.
      await on(page, 'booking', '.booking-service-id-card-first .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-first .booking-service-choose').click()
      await on(page, 'booking', '.booking-language-zh').click()
      await on(page, 'booking', '.booking-day:not(.is-full)').nth(1).click()
      await on(page, 'booking', '.booking-slot.is-free').first().click()
      return '#page-booking .booking-step-person'
    },
    submit: '.booking-submit',
    required: ['.booking-field-name', '.booking-field-phone'],
    has110: false,
  },
  {
    name: 'door-to-door request',
    as: 'demo-resident-2',
    screen: 'booking',
    async open(page) {
      await goTo(page, '/packages/booking/pages/index/index')
      await on(page, 'booking', '.booking-service-id-card-renewal .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-renewal .booking-service-home').click()
      return '#page-booking .home-visit-form'
    },
    submit: '.home-visit-submit',
    required: ['.booking-field-name', '.booking-field-phone', '.home-field-address'],
    has110: false,
  },
  {
    name: 'volunteer application',
    as: 'demo-resident-2',
    screen: 'volunteer-apply',
    async open(page) {
      await goTo(page, '/packages/volunteer/pages/apply/index')
      return '#page-volunteer-apply .volunteer-apply-form'
    },
    submit: '.volunteer-apply-submit',
    required: ['.volunteer-field-name', '.volunteer-field-phone', '.volunteer-field-availability', '.volunteer-field-team'],
    has110: false,
  },
  {
    name: 'mediation session',
    as: 'demo-officer-2',
    screen: 'casework-case',
    async open(page) {
      await goTo(page, `/packages/officer/pages/mediation-case/index?id=${disputeForCasework}`)
      // The case loads after the page: wait for its actions before asking whether it needs accepting
      // (the first mode accepts it; later modes find it accepted).
      await on(page, 'casework-case', '.casework-action-accept, .casework-action-schedule').first().waitFor()
      if ((await on(page, 'casework-case', '.casework-action-accept').count()) > 0) await on(page, 'casework-case', '.casework-action-accept').click()
      await on(page, 'casework-case', '.casework-action-schedule').click()
      return '#page-casework-case .casework-schedule-form'
    },
    submit: '.casework-save',
    required: ['.casework-field-date', '.casework-field-time', '.casework-field-participants'],
    has110: false,
  },
]

async function setMode(page: Page, mode: Mode) {
  await goTo(page, '/pages/index/index')
  const language = mode === 'zh' ? 'zh' : 'mn'
  await on(page, 'home', `.language-option-${language}`).click()
  await page.locator(`#page-home.lang-${language}`).waitFor()
  const elder = (await page.locator('#page-home.elder').count()) > 0
  if (elder !== (mode === 'mn-elder')) await on(page, 'home', '.elder-mode-switch').click()
  await page.locator(mode === 'mn-elder' ? '#page-home.elder' : '#page-home:not(.elder)').waitFor()
}

/** Whether the whole of an element lies inside the first screen (no scrolling in either direction). */
async function onFirstScreen(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight
  })
}

type Cell = 'pass' | 'n/a' | string
const table: Array<{ form: string; mode: Mode; labels: Cell; sizes: Cell; empty: Cell; call110: Cell }> = []

describe('every form in Chinese, Mongolian and Mongolian elder mode', () => {
  beforeAll(async () => {
    const filed = await harness.callAs<{ id: string }>('demo-resident-2', 'mediation', {
      action: 'fileDispute',
      requestId: 'e2e-forms-audit-dispute-0001',
      type: 'neighbour',
      description: '楼上漏水，协商未果。',
      applicant: { name: '张桂兰', phone: '13900000009' },
      dangerNow: false,
    })
    disputeForCasework = filed.id
  })

  for (const form of FORMS) {
    it(`${form.name}: labelled, big enough, empty submit marked, 110 in reach`, async () => {
      const { context, page } = await harness.openPhone()
      try {
        await signIn(page, form.as)
        for (const mode of MODES) {
          await setMode(page, mode)
          const root = await form.open(page)
          await page.locator(root).waitFor()
          const row = { form: form.name, mode, labels: 'pass', sizes: 'pass', empty: 'pass', call110: 'n/a' } as (typeof table)[number]

          const boxes = await page.locator(`${root} input:not([type=hidden]), ${root} textarea`).all()
          expect(boxes.length).toBeGreaterThan(0)
          for (const box of boxes) {
            const label = await box.evaluate((el) => el.closest('.fq-field')?.querySelector('.fq-field-label')?.textContent?.trim() ?? '')
            if (!label) row.labels = `unlabelled ${await box.evaluate((el) => el.closest('[class]')?.className ?? el.tagName)}`
            const size = await box.evaluate((el) => {
              // NutUI draws the box around the native element; measure what the person sees.
              const drawn = el.closest('.nut-input, .nut-textarea') ?? el
              const r = drawn.getBoundingClientRect()
              return { width: r.width, height: r.height, multiline: el.tagName === 'TEXTAREA' }
            })
            const min = size.multiline ? MIN_TEXTAREA : MIN_INPUT
            if (size.width < min.width || size.height < min.height) row.sizes = `${Math.round(size.width)}×${Math.round(size.height)}`
          }

          await clearTextBoxes(page, root)
          await page.locator(`${root} ${form.submit}, ${root} ~ * ${form.submit}, #page-${form.screen} ${form.submit}`).first().click()
          for (const field of form.required) {
            const marked = page.locator(`${root} ${field}.is-invalid .fq-field-error`)
            try {
              await marked.waitFor({ timeout: 5_000 })
              expect((await marked.textContent())?.trim()).not.toBe('')
            } catch {
              row.empty = `not marked: ${field}`
            }
          }
          await shoot(page, `forms-audit-${form.name.replace(/\W+/g, '-')}-${mode}`)

          if (form.has110) {
            await on(page, form.screen, '.mediation-danger-yes').click()
            // The form scrolls the button into view smoothly once "yes" is answered.
            const inReach = await page
              .waitForFunction((selector) => {
                const r = document.querySelector(selector)?.getBoundingClientRect()
                return !!r && r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight
              }, `#page-${form.screen} .emergency-call-110`, { timeout: 3_000 })
              .then(() => true, () => false)
            row.call110 = inReach ? 'pass' : 'off the first screen'
          }
          table.push(row)
        }
      } finally {
        await context.close()
      }
    })
  }

  it('the home shows the 110 button on its first screen in every mode', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, 'demo-resident-1')
      for (const mode of MODES) {
        await setMode(page, mode)
        await on(page, 'home', '.emergency-call-110').waitFor()
        await shoot(page, `forms-audit-home-110-${mode}`)
        const cell = (await onFirstScreen(page, '#page-home .emergency-call-110')) ? 'pass' : 'off the first screen'
        table.push({ form: 'home', mode, labels: 'n/a', sizes: 'n/a', empty: 'n/a', call110: cell })
      }
    } finally {
      await context.close()
    }
  })

  afterAll(() => {
    const lines = ['| form | mode | labels | sizes | empty submit marked | 110 on first screen |', '|---|---|---|---|---|---|']
    for (const r of table) lines.push(`| ${r.form} | ${r.mode} | ${r.labels} | ${r.sizes} | ${r.empty} | ${r.call110} |`)
    console.log(`Forms audit:\n${lines.join('\n')}`)
  })

  it('passes every cell of the table', () => {
    const failing = table.filter((r) => [r.labels, r.sizes, r.empty, r.call110].some((cell) => cell !== 'pass' && cell !== 'n/a'))
    expect(failing).toEqual([])
    expect(table.length).toBe((FORMS.length + 1) * MODES.length)
  })
})

describe('the refusals a resident meets, each named on its field', () => {
  it('a wrong ID number check digit is named on its field and nothing is booked; a description over its limit is counted, kept whole, refused with its limit and nothing is filed', async () => {
    const { context, page } = await harness.openPhone()
    const RESIDENT = 'demo-resident-2'
    const nothingWritten = () => {
      const { writes, messages, files } = harness.emulator.stats()
      return { writes, messages, files }
    }
    try {
      await signIn(page, RESIDENT)
      await setMode(page, 'zh')

      // 11010519491231002X is a valid number; with 1 as its last character the check digit is wrong.
      const root = await FORMS.find((f) => f.name === 'booking applicant')!.open(page)
      await page.locator(`${root} .booking-name input`).fill('张桂兰')
      await page.locator(`${root} .booking-phone input`).fill('13900000009')
      await page.locator(`${root} .booking-id-number input`).fill('110105194912310021')
      harness.emulator.resetStats()
      await on(page, 'booking', '.booking-submit').click()
      const idError = page.locator(`${root} .booking-field-id-number.is-invalid .fq-field-error`)
      await idError.waitFor()
      expect(await idError.textContent()).toContain('“身份证号”最后一位校验码对不上')
      expect(await page.locator(`${root} .booking-field-name.is-invalid`).count()).toBe(0)
      expect(nothingWritten()).toEqual({ writes: 0, messages: 0, files: 0 })
      await shoot(page, 'forms-journey-id-number-zh')

      const form = await FORMS.find((f) => f.name === 'dispute filing')!.open(page)
      await on(page, 'mediation', '.mediation-type-neighbour').click()
      const pasted = '楼上装修噪音'.repeat(166) + '至深夜才停' // 1,001 characters
      await page.locator(`${form} .mediation-description textarea`).fill(pasted)
      // Never cut: the box keeps every character and the counter says it is over.
      expect(await page.locator(`${form} .mediation-description textarea`).inputValue()).toBe(pasted)
      expect(await page.locator(`${form} .mediation-field-description .fq-field-count.is-over`).textContent()).toBe('1001/1000')
      await page.locator(`${form} .mediation-name input`).fill('张桂兰')
      await page.locator(`${form} .mediation-phone input`).fill('13900000009')
      harness.emulator.resetStats()
      await on(page, 'mediation', '.mediation-submit').click()
      const tooLong = page.locator(`${form} .mediation-field-description.is-invalid .fq-field-error`)
      await tooLong.waitFor()
      expect(await tooLong.textContent()).toContain('最多 1000 个字，现在多了 1 个字')
      expect(nothingWritten()).toEqual({ writes: 0, messages: 0, files: 0 })
      await page.locator(`${form} .mediation-field-description`).scrollIntoViewIfNeeded()
      await shoot(page, 'forms-journey-description-limit-zh')
    } finally {
      await context.close()
    }
  })
})
