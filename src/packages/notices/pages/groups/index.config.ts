import { noticesZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: noticesZhHans['notices.groups.title'] })
