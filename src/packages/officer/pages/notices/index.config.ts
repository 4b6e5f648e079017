import { officerNoticesZhHans } from '../../notices/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: officerNoticesZhHans['on.title'], enableShareAppMessage: true })
