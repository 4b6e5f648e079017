import { privacyZhHans } from '../../privacy/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: privacyZhHans['audit.title'] })
