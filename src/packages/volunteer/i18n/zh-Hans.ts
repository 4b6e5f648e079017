// Simplified Chinese for the volunteer subpackage (its screens only; see src/i18n/index.ts).
export const volunteerZhHans = {
  'volunteer.title': '志愿者中心',
  'volunteer.intro': '感谢您参加志愿服务。巡逻、反诈宣传、走访帮扶等活动由队长在这里发布。',
  'volunteer.empty.title': '暂无活动',
  'volunteer.empty.body': '还没有志愿活动；队长发布后会出现在这里。',
} as const

export type VolunteerMessageKey = keyof typeof volunteerZhHans
