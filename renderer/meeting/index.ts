// The meeting feature's public face: other features import only what is listed here.
export { MeetingMode } from './MeetingMode'
export { meetingActions } from './actions'
