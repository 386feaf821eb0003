/** scenes/activities.json: which hands-on activity is at which station (see docs/ACTIVITIES.md). */
export const ACTIVITY_KINDS = ['lighting', 'camera', 'sound', 'led-volume', 'continuity', 'stunts'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityDef {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly station: string;
}

export interface ActivitiesFile {
  readonly $schema?: string;
  readonly version: 1;
  readonly activities: readonly ActivityDef[];
}

export const ACTIVITIES_FILE = 'scenes/activities.json';
export const activityFile = (id: string): string => `scenes/activities/${id}.json`;
export const activityWordsFile = (id: string, code: string): string => `scenes/activities/${id}/${code}.json`;
