// Demo volunteer data, after the articles in ../shared/domain: a 120-member volunteer association,
// a volunteer police team (义警) of herders, a veterans' service team and a red-armband patrol, all
// of the first station (潮格温都尔镇派出所); a patrol team of the second (巴音宝力格镇派出所); and the
// banner's anti-fraud publicity team, bureau-wide (its activities are open to every station's
// volunteers; docs/bureau.md › Volunteers per station). The demo volunteer (demo-volunteer-1) is
// an approved member of the herders' team; activities start from `today` so the demo always has some.
import { randomInt } from 'node:crypto'
import { checkInCodeFrom } from '../src/core/volunteers/rules'
import { protect } from '../cloudfunctions/_shared/personal-data'
import { dayjs, STATION_TIME_ZONE } from '../src/core/time'
import { untouchedActivity, type ActivityDoc, type TeamDoc, type VolunteerDoc } from '../cloudfunctions/volunteers/records'

const FIRST_STATION = 'station-chaogewendur'
const SECOND_STATION = 'station-bayanbolag'

export const DEMO_TEAMS: TeamDoc[] = [
  { _id: 'team-association', order: 1, stationId: FIRST_STATION, name: { zh: '镇志愿者协会' }, description: { zh: '120 名会员：反诈宣传、法律宣讲、走访帮扶困难和老年家庭。' } },
  { _id: 'team-herder-police', order: 2, stationId: FIRST_STATION, name: { zh: '牧民义警队' }, description: { zh: '40 名牧民义警：核实警情、上报信息、嘎查巡逻。' } },
  { _id: 'team-veterans', order: 3, stationId: FIRST_STATION, name: { zh: '退役军人服务队' }, description: { zh: '退役军人志愿者：发现并报告社区隐患，上门照看老人和残疾人。' } },
  { _id: 'team-red-armband', order: 4, stationId: FIRST_STATION, name: { zh: '红袖标巡逻队' }, description: { zh: '红袖标巡逻：街面巡逻、协助走访和户籍登记。' } },
  { _id: 'team-bb-patrol', order: 5, stationId: SECOND_STATION, name: { zh: '巴音宝力格镇治安巡逻队' }, description: { zh: '阿拉坦社区、乌力吉社区的居民志愿者：街面巡逻、看护学校路口。' } },
  { _id: 'team-bureau-antifraud', order: 6, stationId: null, name: { zh: '乌拉特后旗反诈宣传队' }, description: { zh: '全旗反诈宣传志愿者：各镇集市、学校和牧区巡回宣讲，各派出所的志愿者都可参加。' } },
]

/** The town centre (潮格温都尔镇): where the demo patrols meet. */
const TOWN_CENTRE = { lng: 106.9787, lat: 41.5873 }
const TOWN_SQUARE = { label: { zh: '镇政府广场' }, communityId: 'community-chaoge', point: TOWN_CENTRE, radiusMeters: 300 }

function activity(
  id: string,
  today: Date,
  fields: Pick<ActivityDoc, 'kind' | 'title' | 'description' | 'capacity' | 'teamIds'> & { stationId: string | null; place?: ActivityDoc['place']; createdBy?: string; dayOffset: number; start: string; hours: number },
): ActivityDoc {
  const day = dayjs(today).tz(STATION_TIME_ZONE).startOf('day').add(fields.dayOffset, 'day')
  const [h, m] = fields.start.split(':').map(Number)
  const start = day.add(h, 'hour').add(m, 'minute')
  return {
    _id: id,
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    place: fields.place ?? TOWN_SQUARE,
    startsAt: start.toDate(),
    endsAt: start.add(fields.hours, 'hour').toDate(),
    deadline: start.subtract(3, 'hour').toDate(),
    capacity: fields.capacity,
    skills: [],
    teamIds: fields.teamIds,
    seriesId: null,
    code: checkInCodeFrom(randomInt),
    ...untouchedActivity(),
    createdBy: fields.createdBy ?? 'demo-officer-1',
    createdAt: today,
    updatedAt: today,
    stationId: fields.stationId,
    bureauWide: fields.stationId === null,
  }
}

export function demoVolunteerDocuments(today: Date, seededAt: Date) {
  const profile = (openid: string, name: string, teamId: string, status: VolunteerDoc['status']): VolunteerDoc => ({
    _id: openid,
    name,
    phone: protect('phone', '13900000000'),
    skills: ['mongolian', 'driving'],
    availability: ['weekend', 'on_call'],
    communityId: 'gacha-ulaanhad',
    teamId,
    status,
    reason: null,
    appliedAt: seededAt,
    decidedAt: status === 'active' ? seededAt : null,
    decidedBy: status === 'active' ? 'demo-officer-1' : null,
    leaderboardOptOut: false,
    holds: [],
    stationId: FIRST_STATION,
  })
  return {
    volunteer_teams: DEMO_TEAMS,
    volunteers: [profile('demo-volunteer-1', '额尔敦', 'team-herder-police', 'active')],
    volunteer_activities: [
      activity('act-demo-patrol', today, {
        kind: 'patrol',
        title: { zh: '嘎查夜间巡逻' },
        description: { zh: '沿主街和牧区路口巡逻，发现情况及时上报值班民警。' },
        capacity: 6,
        teamIds: ['team-herder-police', 'team-red-armband'],
        stationId: FIRST_STATION,
        dayOffset: 1,
        start: '19:00',
        hours: 2,
      }),
      activity('act-demo-antifraud', today, {
        kind: 'anti_fraud',
        title: { zh: '集市反诈宣传' },
        description: { zh: '在周末集市发放双语反诈传单，讲解“96110”预警电话。' },
        capacity: 10,
        teamIds: ['team-association', 'team-herder-police'],
        stationId: FIRST_STATION,
        dayOffset: 3,
        start: '09:30',
        hours: 3,
      }),
      activity('act-demo-bb-patrol', today, {
        kind: 'patrol',
        title: { zh: '阿拉坦社区放学路口护学' },
        description: { zh: '放学时段在学校路口维护秩序，护送低年级学生过马路。' },
        capacity: 4,
        teamIds: ['team-bb-patrol'],
        stationId: SECOND_STATION,
        place: { label: { zh: '阿拉坦社区学校路口' }, communityId: 'community-altan', point: { lng: 107.06, lat: 41.09 }, radiusMeters: 300 },
        createdBy: 'demo-officer-bb-1',
        dayOffset: 2,
        start: '16:30',
        hours: 1,
      }),
      activity('act-demo-bureau-antifraud', today, {
        kind: 'anti_fraud',
        title: { zh: '全旗反诈宣传周：牧区巡回宣讲' },
        description: { zh: '旗反诈中心组织，各派出所志愿者分组到各镇集市和牧区宣讲，发放双语传单。' },
        capacity: 30,
        teamIds: ['team-bureau-antifraud'],
        stationId: null,
        createdBy: 'demo-bureau-leader',
        dayOffset: 4,
        start: '10:00',
        hours: 3,
      }),
    ],
  }
}
