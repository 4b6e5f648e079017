import { officerRequestsZhHans } from '../../requests/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: officerRequestsZhHans['oq.request.title'] })
