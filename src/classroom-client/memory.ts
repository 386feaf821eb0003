import { normaliseCode } from '../classroom/protocol';
import { readItem, removeItems, writeItem } from '../storage';

/** A class place kept in the browser: the code, the token to resume with, the last gather handled. */
export interface Place {
  readonly code: string;
  readonly token: string;
  readonly gather: number | null;
}

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** A stored place, or null when it is missing or not one of ours (storage is the visitor's to edit). Pure. */
export function parsePlace(raw: string | null): Place | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof Place, unknown>>;
    const code = typeof v.code === 'string' ? normaliseCode(v.code) : null;
    const gather = typeof v.gather === 'number' && Number.isInteger(v.gather) ? v.gather : null;
    if (!code || typeof v.token !== 'string' || !TOKEN.test(v.token)) return null;
    return { code, token: v.token, gather };
  } catch {
    return null;
  }
}

/**
 * Where each side keeps its place (docs/CLASSROOM.md): the teacher in localStorage (a reload, or
 * the browser reopened, brings the dashboard back); a student in sessionStorage (a reload or a
 * dropped Wi-Fi rejoins, but a new tab on a shared computer is a new student).
 */
export const TEACHER_PLACE = { key: 'backlot.classroom.teacher', area: 'local' } as const;
export const STUDENT_PLACE = { key: 'backlot.classroom.student', area: 'session' } as const;
type Where = typeof TEACHER_PLACE | typeof STUDENT_PLACE;

export const readPlace = (w: Where): Place | null => parsePlace(readItem(w.key, w.area));
export const keepPlace = (w: Where, p: Place): boolean => writeItem(w.key, JSON.stringify(p), w.area);
export const forgetPlace = (w: Where): boolean => removeItems([w.key], w.area);
