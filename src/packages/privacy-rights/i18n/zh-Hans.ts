// Simplified Chinese for residents' rights over their data (PIPL arts. 45 and 47): export and
// account deletion. Ships in its own subpackage, reached from the "me" page.
export const rightsZhHans = {
  'rights.title': '我的数据',
  'rights.intro': '依照《个人信息保护法》，您可以导出本站保存的关于您的全部信息，也可以注销账号。',
  'rights.export.title': '导出我的数据',
  'rights.export.body': '包括账号、预约、上门办理申请、矛盾纠纷申请、咨询、志愿者资料和服务时长、通知订阅。电话和身份证号按完整形式导出，请妥善保管这个文件。',
  'rights.export.action': '导出',
  'rights.export.saved': '已下载文件 {file}，共 {count} 条记录。',
  'rights.export.shared': '已生成文件 {file}，共 {count} 条记录，可以发送给自己保存。',
  'rights.export.copied': '已复制 {count} 条记录的数据，可以粘贴到备忘录保存。',
  'rights.delete.title': '注销账号',
  'rights.delete.removed': '将删除：还没办理的预约（名额会退回）、上门办理申请、咨询、志愿者资料和未开始活动的报名（候补的人会补上）、通知订阅和已读记录、账号本身。',
  'rights.delete.kept': '将保留，但去掉您的姓名、电话、身份证号和地址：已办理的预约、已完成的上门服务、矛盾纠纷案卷、志愿服务时长。这些是派出所依法需要保存的记录。',
  'rights.delete.staff': '民警和管理员的账号不能在这里注销，请联系管理员解除绑定。',
  'rights.delete.phrase': '注销我的账号',
  'rights.delete.phraseHint': '请在下面输入「{phrase}」以确认：',
  'rights.delete.phraseMismatch': '输入的文字和「{phrase}」不一致。',
  'rights.delete.action': '注销账号',
  'rights.delete.confirmTitle': '确定要注销吗？',
  'rights.delete.confirmBody': '注销后无法恢复，已删除的信息找不回来。',
  'rights.delete.confirm': '确定注销',
  'rights.delete.cancel': '再想想',
  'rights.delete.done': '账号已注销：删除 {removed} 条记录，去掉身份信息后保留 {kept} 条。下次打开小程序会是一个全新的账号。',
  'rights.delete.home': '返回首页',
  'rights.working': '正在处理，请稍候，不要关闭小程序…',
  'rights.error.FAILED_PRECONDITION': '民警和管理员的账号不能在这里注销，请联系管理员解除绑定。',
  'rights.error.CONFLICT': '有记录正好在变化，没有全部处理完。请再点一次注销，会接着处理。',
}

export type RightsMessageKey = keyof typeof rightsZhHans
