import type { UiKey } from '../content/types';
import { CODE_LENGTH, LIMITS, type Device, type ErrorCode } from '../classroom/protocol';
import { format } from '../ui/dom';

type Ui = Readonly<Record<UiKey, string>>;

/**
 * The visitor's words for each error the server can answer a join or resume with (the protocol
 * sends codes, never text). `code` is the class code as the student typed it. Pure.
 */
export function joinError(ui: Ui, error: ErrorCode | 'bad-code' | 'unreachable', code: string): string {
  switch (error) {
    case 'bad-code':
      return format(ui.classErrCode, { length: CODE_LENGTH });
    case 'unknown-session':
      return format(ui.classErrUnknown, { code });
    case 'session-ended':
      return ui.classErrEnded;
    case 'session-full':
      return ui.classErrFull;
    case 'nickname-empty':
      return ui.classErrEmpty;
    case 'nickname-too-long':
      return format(ui.classErrTooLong, { max: LIMITS.nickname });
    case 'nickname-taken':
      return ui.classErrTaken;
    case 'unreachable':
    case 'unavailable':
      return ui.classErrUnreachable;
    case 'rate-limited':
    case 'too-many-sessions':
      return ui.classErrBusy;
    default:
      return ui.classErrOther;
  }
}

export function deviceWord(ui: Ui, device: Device): string {
  return { desktop: ui.classDeviceDesktop, phone: ui.classDevicePhone, vr: ui.classDeviceVr, ar: ui.classDeviceAr }[device];
}
