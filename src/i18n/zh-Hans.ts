// Simplified Chinese catalog: the reference catalog; its keys define what every catalog must hold.
export const zhHans = {
  'app.name': '枫桥警务站',
  'error.INVALID_ARGUMENT': '填写的内容有误，请检查标红的项目后再提交。',
  'error.UNAUTHENTICATED': '尚未登录，请重新打开小程序。',
  'error.PERMISSION_DENIED': '您没有办理此项业务的权限，如有疑问请联系社区民警。',
  'error.NOT_FOUND': '没有找到相关记录，可能已被删除或编号有误。',
  'error.CONFLICT': '刚刚有人抢先一步，请刷新后重试。',
  'error.FAILED_PRECONDITION': '当前状态下无法办理，请按提示操作后再试。',
  'error.RESOURCE_EXHAUSTED': '名额已满或操作过于频繁，请稍后再试。',
  'error.INTERNAL': '服务暂时出现问题，请稍后重试；急事请拨打 110。',
} as const

export type MessageKey = keyof typeof zhHans
