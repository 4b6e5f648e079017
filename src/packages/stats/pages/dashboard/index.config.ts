import { dashboardZhHans } from '../../dashboard/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: dashboardZhHans['dash.title'] })
