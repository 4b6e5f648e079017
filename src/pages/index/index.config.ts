import { zhHans } from '../../i18n/zh-Hans'

// The title is replaced at runtime by the localized one (PageShell).
export default definePageConfig({ navigationBarTitleText: zhHans['app.name'] })
