// Simplified Chinese for the officer subpackage (workbench, leadership). Only these screens show
// these strings, so they ship with the subpackage, not in the residents' main package; keys that
// residents' screens share (roles, statuses, error codes) stay in src/i18n.
export const officerZhHans = {
  'workbench.title': '民警工作台',
  'workbench.record.title': '我的警员信息',
  'workbench.name': '姓名',
  'workbench.jobTitle': '职务',
  'workbench.languages': '工作语言',
  'workbench.empty.title': '尚未绑定警员信息',
  'workbench.empty.body': '请向管理员索取邀请码，在“我的”页面输入后即可绑定。',
  'workbench.empty.action': '去输入邀请码',
  'workbench.dashboard.title': '站所数据看板',
  'workbench.dashboard.body': '预约办结、矛盾纠纷化解率和满意率、警情通报触达、志愿服务时长，按时段和社区查看、导出。',
  'workbench.dashboard.action': '打开数据看板',
  'workbench.volunteers.title': '志愿者与活动',
  'workbench.volunteers.body': '审核志愿者申请，发布巡逻等活动，查看报名、候补、签到和每月统计。',
  'workbench.volunteers.action': '进入志愿者管理',
  'leader.title': '所领导工作台',
  'workbench.covered.title': '我负责的社区',
  'workbench.covered.empty': '暂未分配社区。管理员导入辖区后，您负责的社区会显示在这里。',
  'workbench.covered.asOfficer': '我是社区民警',
  'workbench.covered.asAuxiliary': '我协助（辅警）',
  'workbench.covered.noBoundary': '未测绘边界',
  'workbench.covered.officer': '社区民警：{name}',
  'workbench.covered.auxiliaries': '协助：{names}',
  'officer.kind.community': '社区民警',
  'officer.kind.auxiliary': '辅警',
  'officer.kind.leader': '所领导',
} as const

export type OfficerMessageKey = keyof typeof officerZhHans
