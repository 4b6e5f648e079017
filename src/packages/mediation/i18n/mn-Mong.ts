// Traditional Mongolian for the residents' mediation screens; every entry stays `reviewed: false`
// until a native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { MediationMessageKey } from './zh-Hans'

const m = (text: string): MongolianEntry => ({ text, reviewed: false })

const DISPUTE = 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ'

export const mediationMnMong: Record<MediationMessageKey, MongolianEntry> = {
  'mediation.title': m(`${DISPUTE} ᠢ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ`),
  'mediation.tab.file': m(`${DISPUTE} ᠪᠦᠷᠢᠳᠬᠡᠬᠦ`),
  'mediation.tab.mine': m(`ᠮᠢᠨᠤ ${DISPUTE}`),

  'mediation.danger.question': m('ᠣᠳᠣ ᠠᠶᠤᠯ ᠳᠤ ᠪᠠᠶᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ?'),
  'mediation.danger.hint': m('ᠭᠠᠷ ᠬᠦᠷᠬᠦ᠂ ᠵᠡᠪᠰᠡᠭ ᠢᠶᠡᠷ ᠰᠦᠷᠳᠡᠭᠦᠯᠬᠦ᠂ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠣᠬᠢᠷᠠᠭᠤᠯᠬᠤ ᠭᠡᠵᠦ ᠪᠠᠶᠢᠬᠤ ᠨᠢ ᠪᠦᠭᠦᠳᠡ ᠠᠶᠤᠯ ᠮᠥᠨ᠃'),
  'mediation.danger.yes': m('ᠠᠶᠤᠯ ᠪᠠᠶᠢᠨ᠎ᠠ'),
  'mediation.danger.no': m('ᠠᠶᠤᠯ ᠦᠭᠡᠢ'),
  'mediation.danger.callFirst': m('ᠤᠷᠢᠳᠠ ᠪᠠᠷ 110 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ᠂ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠳᠠᠷᠤᠢ ᠢᠷᠡᠨ᠎ᠡ᠃ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠡᠨᠡ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠢ ᠳᠤᠤᠷ᠎ᠠ ᠪᠦᠷᠢᠳᠬᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),

  'mediation.form.title': m(`${DISPUTE} ᠪᠦᠷᠢᠳᠬᠡᠬᠦ`),
  'mediation.form.type': m(`${DISPUTE} ᠤ ᠲᠥᠷᠥᠯ`),
  'mediation.form.description': m('ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠪᠤᠢ? ᠬᠡᠳᠦᠢ ᠤᠳᠠᠭᠰᠠᠨ ᠪᠤᠢ? ᠶᠠᠭᠠᠵᠤ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠶᠢ ᠬᠦᠰᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ ᠪᠤᠢ?'),
  'mediation.form.otherParty': m('ᠨᠥᠭᠦᠭᠡ ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ (ᠰᠣᠩᠭᠣᠯᠲᠠ)'),
  'mediation.form.otherPhone': m('ᠨᠥᠭᠦᠭᠡ ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠤᠲᠠᠰᠤ (ᠰᠣᠩᠭᠣᠯᠲᠠ)'),
  'mediation.form.name': m('ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ'),
  'mediation.form.phone': m('ᠲᠠᠨ ᠤ ᠭᠠᠷ ᠤᠲᠠᠰᠤ'),
  'mediation.form.address': m('ᠭᠠᠵᠠᠷ (ᠰᠣᠩᠭᠣᠯᠲᠠ᠂ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠲᠠᠨ ᠤ ᠭᠠᠴᠠᠭ᠎ᠠ ᠪᠤᠶᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠢᠶᠠᠷ)'),
  'mediation.form.privacy': m('ᠲᠠᠨ ᠤ ᠬᠣᠯᠪᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠬᠤ ᠠᠷᠭ᠎ᠠ ᠶᠢ ᠵᠥᠪᠬᠡᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠦᠵᠡᠨ᠎ᠡ᠂ ᠨᠥᠭᠦᠭᠡ ᠲᠠᠯ᠎ᠠ ᠳᠤ ᠦᠯᠦ ᠬᠡᠯᠡᠨ᠎ᠡ᠃'),
  'mediation.form.submit': m('ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠬᠤ'),
  'mediation.form.missingType': m(`${DISPUTE} ᠤ ᠲᠥᠷᠥᠯ ᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃`),
  'mediation.form.descriptionLabel': m(`${DISPUTE} ᠤ ᠦᠢᠯᠡ ᠶᠠᠪᠤᠳᠠᠯ`),

  'mediation.done.title': m('ᠪᠦᠷᠢᠳᠬᠡᠪᠡ'),
  'mediation.done.body': m('ᠮᠠᠷᠭᠠᠭᠠᠨ ᠢ ᠲᠠᠨ ᠤ ᠭᠠᠴᠠᠭ᠎ᠠ ᠪᠤᠶᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠳᠤ ᠰᠢᠯᠵᠢᠭᠦᠯᠪᠡ᠂ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}᠃ ᠶᠠᠪᠤᠴ ᠢ "ᠮᠢᠨᠤ ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ" ᠳᠤ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'mediation.done.highRisk': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠳᠤ ᠳᠠᠷᠤᠢ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ᠃ ᠠᠶᠤᠯ ᠪᠠᠶᠢᠰᠠᠭᠠᠷ ᠪᠠᠶᠢᠪᠠᠯ 110 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠳᠠᠷᠤᠢ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ᠃'),
  'mediation.done.again': m('ᠳᠠᠬᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ'),

  'mediation.type.neighbour': m('ᠬᠥᠷᠰᠢ ᠶᠢᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ'),
  'mediation.type.family': m('ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ'),
  'mediation.type.land_boundary': m('ᠭᠠᠵᠠᠷ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠦᠨ ᠬᠢᠵᠠᠭᠠᠷ'),
  'mediation.type.debt': m('ᠥᠷ᠎ᠡ ᠶᠢᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ'),
  'mediation.type.livestock': m('ᠮᠠᠯ ᠤᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ'),
  'mediation.type.wages': m('ᠴᠠᠯᠢᠩ ᠬᠥᠯᠥᠰᠥ'),
  'mediation.type.other': m('ᠪᠤᠰᠤᠳ ᠮᠠᠷᠭᠠᠭᠠᠨ'),

  'mediation.status.submitted': m('ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ'),
  'mediation.status.escalated': m('ᠳᠡᠭᠡᠭᠰᠢ ᠳᠡᠰ ᠲᠦ ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ'),
  'mediation.status.accepted': m('ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ'),
  'mediation.status.in_mediation': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ'),
  'mediation.status.settled': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠭᠰᠡᠨ'),
  'mediation.status.not_settled': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ'),
  'mediation.status.closed': m('ᠬᠠᠭᠠᠭᠰᠠᠨ'),
  'mediation.status.withdrawn': m('ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ'),

  'mediation.level.1': m('ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠳᠡᠰ᠄ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ'),
  'mediation.level.2': m('ᠬᠣᠶᠠᠳᠤᠭᠠᠷ ᠳᠡᠰ᠄ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ'),
  'mediation.level.3': m('ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ ᠳᠡᠰ᠄ ᠬᠠᠮᠲᠤᠷᠠᠯ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ (ᠭᠠᠴᠠᠭ᠎ᠠ᠂ ᠱᠢᠭᠦᠬᠦ ᠵᠠᠰᠠᠭ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ᠂ ᠪᠠᠯᠭᠠᠰᠤ)'),

  'mediation.deadline.accept': m('ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}'),
  'mediation.deadline.first_session': m('ᠠᠩᠬᠠᠨ ᠤ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}'),
  'mediation.deadline.settle': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}'),

  'mediation.timeline.title': m('ᠶᠠᠪᠤᠴ'),
  'mediation.event.filed': m('ᠲᠠ ᠪᠦᠷᠢᠳᠬᠡᠪᠡ'),
  'mediation.event.accept': m('ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠪᠠ'),
  'mediation.event.schedule': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠴᠠᠭ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ'),
  'mediation.event.hold': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠬᠤᠷᠠᠯ ᠬᠢᠭᠰᠡᠨ'),
  'mediation.event.settle': m('ᠡᠪᠯᠡᠷᠡᠯ ᠦᠨ ᠭᠡᠷ᠎ᠡ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ'),
  'mediation.event.not_settled': m('ᠡᠨᠡ ᠳᠡᠰ ᠲᠦ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ'),
  'mediation.event.escalated': m('ᠳᠡᠭᠡᠭᠰᠢ ᠳᠡᠰ ᠲᠦ ᠰᠢᠯᠵᠢᠭᠦᠯᠪᠡ'),
  'mediation.event.escalatedTo': m('ᠳᠡᠰ ᠳᠡᠪᠰᠢᠪᠡ᠄ {level}'),
  'mediation.event.overdue': m('ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠥᠩᠭᠡᠷᠡᠪᠡ'),
  'mediation.event.close': m('ᠬᠠᠭᠠᠪᠠ'),
  'mediation.event.withdraw': m('ᠲᠠ ᠪᠤᠴᠠᠭᠠᠪᠠ'),
  'mediation.event.rated': m('ᠲᠠ ᠦᠨᠡᠯᠡᠪᠡ'),

  'mediation.sessions.title': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠬᠤᠷᠠᠯ'),
  'mediation.session.line': m('{time} · {place}'),
  'mediation.session.held': m('ᠬᠢᠭᠰᠡᠨ'),
  'mediation.place.station': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ'),
  'mediation.place.pavilion': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠠᠰᠠᠷ'),
  'mediation.place.herder_home': m('ᠮᠠᠯᠴᠢᠨ ᠤ ᠭᠡᠷ'),
  'mediation.place.community_office': m('ᠭᠠᠴᠠᠭ᠎ᠠ ᠪᠤᠶᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠠᠯᠪᠠᠨ ᠭᠡᠷ'),
  'mediation.place.other': m('ᠪᠤᠰᠤᠳ ᠭᠠᠵᠠᠷ'),
  'mediation.agreement.title': m('ᠡᠪᠯᠡᠷᠡᠯ ᠦᠨ ᠭᠡᠷ᠎ᠡ'),

  'mediation.mine.empty.title': m(`${DISPUTE} ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ`),
  'mediation.mine.empty.body': m('ᠬᠥᠷᠰᠢ᠂ ᠭᠡᠷ ᠪᠦᠯᠢ᠂ ᠪᠡᠯᠴᠢᠭᠡᠷ᠂ ᠥᠷ᠎ᠡ᠂ ᠮᠠᠯ᠂ ᠴᠠᠯᠢᠩ ᠤᠨ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠪᠠᠶᠢᠪᠠᠯ "ᠪᠦᠷᠢᠳᠬᠡᠬᠦ" ᠳᠡᠭᠡᠷ᠎ᠡ ᠲᠤᠰᠢᠶᠠᠭᠠᠷᠠᠢ᠂ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠲᠠᠨ ᠳᠤ ᠬᠣᠯᠪᠣᠭᠳᠠᠨ᠎ᠠ᠃'),
  'mediation.withdraw': m('ᠪᠤᠴᠠᠭᠠᠬᠤ'),
  'mediation.withdraw.title': m('ᠪᠤᠴᠠᠭᠠᠬᠤ ᠤᠤ?'),
  'mediation.withdraw.body': m('ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠠᠴᠠ ᠡᠮᠦᠨ᠎ᠡ ᠯ ᠪᠤᠴᠠᠭᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'mediation.withdraw.done': m('ᠪᠤᠴᠠᠭᠠᠪᠠ᠃'),

  'mediation.rate.title': m('ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠢ ᠦᠨᠡᠯᠡᠭᠡᠷᠡᠢ'),
  'mediation.rate.5': m('ᠮᠠᠰᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠᠢ'),
  'mediation.rate.4': m('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠᠢ'),
  'mediation.rate.3': m('ᠶᠡᠷᠦ ᠶᠢᠨ'),
  'mediation.rate.2': m('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠ ᠦᠭᠡᠢ'),
  'mediation.rate.1': m('ᠮᠠᠰᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠ ᠦᠭᠡᠢ'),
  'mediation.rate.comment': m('ᠰᠠᠨᠠᠯ ᠰᠣᠩᠭᠣᠯᠲᠠ (ᠰᠣᠩᠭᠣᠯᠲᠠ)'),
  'mediation.rate.submit': m('ᠦᠨᠡᠯᠡᠭᠡ ᠲᠤᠰᠢᠶᠠᠬᠤ'),
  'mediation.rate.thanks': m('ᠦᠨᠡᠯᠡᠭᠰᠡᠨ ᠳᠦ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃'),
  'mediation.rate.followUp': m('ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠵᠠᠰᠠᠵᠤ᠂ ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠨ᠎ᠠ᠃'),
  'mediation.rate.yours': m('ᠲᠠᠨ ᠤ ᠦᠨᠡᠯᠡᠭᠡ᠄ {label}'),

  'mediation.why.rate_limited': m('ᠥᠨᠥᠳᠥᠷ ᠢᠯᠡᠭᠡᠬᠦ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠥᠷᠭᠡᠳᠬᠡᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠳᠦᠭᠦᠷᠪᠡ᠃ {time} ᠪᠣᠯᠤᠭᠰᠠᠨ ᠤ ᠬᠣᠶᠢᠨ᠎ᠠ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠂ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠪᠠᠶᠢᠳᠠᠯ ᠪᠣᠯ 110 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ᠃'),
  'mediation.why.content': m('ᠳᠦᠷᠰᠦᠯᠡᠯ ᠳᠦ ᠲᠣᠬᠢᠷᠠᠬᠤ ᠦᠭᠡᠢ ᠦᠭᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠥᠭᠡᠷ᠎ᠡ ᠪᠡᠷ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃'),
  'mediation.why.unknown_case': m('ᠡᠨᠡ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠢ ᠣᠯᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠷᠡᠢ᠃'),
  'mediation.error.FAILED_PRECONDITION': m('ᠮᠠᠷᠭᠠᠭᠠᠨ ᠤ ᠪᠠᠶᠢᠳᠠᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠷᠡᠢ᠃'),
  'mediation.error.CONFLICT': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠳᠠᠷᠤᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠪᠠ᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠷᠡᠢ᠃'),
}
