import { bookingZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: bookingZhHans['booking.title'] })
