import { caseworkZhHans } from '../../mediation/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: caseworkZhHans['casework.case.title'] })
