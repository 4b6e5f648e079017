import { noticesZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: noticesZhHans['notices.title'], enablePullDownRefresh: true })
