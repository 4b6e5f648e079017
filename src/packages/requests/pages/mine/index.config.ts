import { requestsZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: requestsZhHans['rq.title.mine'] })
