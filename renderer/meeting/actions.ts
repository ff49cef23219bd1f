import type { AppAction } from '../app'
import { enterMeetingMode } from './meeting-store'

export const meetingActions: AppAction[] = [
  { id: 'view.meeting', titleKey: 'meeting:action', shortcut: ['f5'], group: 'view', run: () => enterMeetingMode() },
]
