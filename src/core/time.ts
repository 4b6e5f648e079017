// The one place dayjs is extended. Instants are stored in UTC; the station's zone is configuration.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const STATION_TIME_ZONE = 'Asia/Shanghai'
export { dayjs }
export type { Dayjs } from 'dayjs'
