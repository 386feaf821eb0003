/**
 * Typed shape of everything under scenes/. The JSON Schemas in scenes/schema/ describe the same
 * shape for authors' editors; src/content/validate.ts checks files against those schemas and then
 * runs the cross-file checks a schema cannot express (ids that must exist, unique ids, tour order).
 */

/** [x, z] on the soundstage floor, metres. */
export type Vec2 = readonly [number, number];

/** A production stage id from SetFile.stages (content: their order is the order a film moves through them). */
export type StageId = string;

/** Procedural set pieces the builder knows. Authors place them; src/set/props draws them. */
export const PROP_TYPES = [
  'camera-dolly', 'camera-tripod', 'monitor-stand', 'director-chair', 'video-village',
  'softbox', 'fresnel', 'flag', 'boom-pole', 'sound-cart', 'flat', 'paint-station',
  'prop-table', 'crash-mat', 'stunt-rig', 'led-wall', 'costume-rack', 'makeup-mirror',
  'production-desk', 'schedule-board', 'edit-suite', 'script-table', 'storyboard-wall',
  'ai-console', 'drone', 'xr-table', 'poster-wall', 'apple-box', 'cable-coil', 'clapperboard',
  'dolly-track', 'diner-booth', 'window-flat', 'practical-lamp',
] as const;
export type PropType = (typeof PROP_TYPES)[number];

export const POSES = ['stand', 'point', 'hold', 'sit'] as const;
export type Pose = (typeof POSES)[number];

export interface PropDef {
  readonly type: PropType;
  /** Position relative to the station origin, in the station's own frame (see StationDef.facing). */
  readonly at: Vec2;
  /** Yaw in degrees, relative to the station's facing. */
  readonly rotation?: number;
  readonly scale?: number;
}

export interface CrewDef {
  /** A role id from SetFile.roles. */
  readonly role: string;
  readonly at: Vec2;
  /** Yaw in degrees relative to the station's facing; 0 looks toward the visitor. */
  readonly facing?: number;
  readonly pose?: Pose;
}

/** What a performer on the hot set carries: drawn in their hands and moved with them. */
export const PERFORMER_HOLDS = ['slate', 'boom', 'script', 'kit'] as const;
export type PerformerHold = (typeof PERFORMER_HOLDS)[number];

/** Someone on the hot set: an actor or a crew member working the shot. The take moves them. */
export interface PerformerDef {
  /** Unique on the hot set; the take (scenes/take.json) names performers by it. */
  readonly id: string;
  /** A role id from SetFile.roles (their role card and tag). */
  readonly role: string;
  /** First position ("ones"), in the hot set's own frame (see HotSetDef.facing). */
  readonly at: Vec2;
  /** Yaw in degrees relative to the hot set's facing; 0 looks toward its open side (+z). */
  readonly facing?: number;
  readonly pose?: Pose;
  readonly holds?: PerformerHold;
}

/** Gear the take moves: the camera dolly on its track, the red "rolling" light. */
export const GEAR_TYPES = ['dolly', 'red-light'] as const;
export type GearType = (typeof GEAR_TYPES)[number];

export interface GearDef {
  readonly id: string;
  readonly type: GearType;
  readonly at: Vec2;
  /** Yaw in degrees relative to the hot set's facing; a dolly's camera looks along its -z. */
  readonly rotation?: number;
}

/**
 * The set being shot, in the middle of the stage: the built room (props), the actors and the crew
 * working the shot (performers) and the gear the take moves. Everything is in its own frame:
 * origin at `position`, its open side (where the camera is) toward its local +z.
 */
export interface HotSetDef {
  readonly position: Vec2;
  readonly facing: number;
  /** Stations whose panels start a take and whose visitors see the performers' role tags. */
  readonly stations: readonly string[];
  readonly props: readonly PropDef[];
  readonly performers: readonly PerformerDef[];
  readonly gear: readonly GearDef[];
}

export interface StationDef {
  readonly id: string;
  readonly stage: StageId;
  /** Station origin on the floor, world metres. */
  readonly position: Vec2;
  /**
   * Yaw in degrees of the direction from the station toward where the visitor stands to look at it.
   * 0 means the visitor stands on the station's +z side, looking toward -z.
   */
  readonly facing: number;
  /** How far in front of the station origin the visitor stands, metres (default 3.2). */
  readonly viewDistance?: number;
  readonly props: readonly PropDef[];
  readonly crew: readonly CrewDef[];
  /** An id from SetFile.audio.ambience: a loop heard around the station. */
  readonly ambience?: string;
  /** Short set sounds played on arrival, in order, before the narration. */
  readonly arrivalSounds?: readonly ArrivalSound[];
}

export const ARRIVAL_SOUNDS = ['slate', 'bell', 'quiet'] as const;
export type ArrivalSound = (typeof ARRIVAL_SOUNDS)[number];

export interface AmbienceDef {
  /** Audio file under assets/. */
  readonly file: string;
  /** [start ms, length ms] of the seamless loop inside the file. */
  readonly loop: readonly [number, number];
  /** 0–1, default 0.5. */
  readonly volume?: number;
}

export interface SetAudio {
  /** Ambience heard everywhere at its own volume, not placed (room tone). */
  readonly bed?: string;
  readonly ambience: Readonly<Record<string, AmbienceDef>>;
}

export interface DepartmentDef {
  readonly id: string;
  /** CSS hex colour, #rrggbb: figures and tags of this department wear it. */
  readonly color: string;
}

export interface RoleDef {
  readonly id: string;
  readonly department: string;
}

export interface StageDef {
  readonly id: StageId;
  readonly color: string;
}

export interface SetFile {
  readonly $schema?: string;
  readonly version: 1;
  readonly defaultLocale: string;
  /** Locale codes shipped; each has scenes/locales/<code>.json. */
  readonly locales: readonly string[];
  /** Soundstage interior, metres. The visitor can walk inside width x depth, centred on 0,0. */
  readonly soundstage: { readonly width: number; readonly depth: number; readonly height: number };
  readonly start: { readonly position: Vec2; readonly facing: number };
  readonly stages: readonly StageDef[];
  readonly departments: readonly DepartmentDef[];
  readonly roles: readonly RoleDef[];
  readonly stations: readonly StationDef[];
  /** Default guided-tour order: every station id once, stages in production order. */
  readonly tour: readonly string[];
  /** Set sound; without it the set is silent apart from narration. */
  readonly audio?: SetAudio;
  /** Kiosk mode (?mode=kiosk) settings; every field has a default. */
  readonly kiosk?: KioskConfig;
  /** The set being shot in the middle of the stage, where a take is called (scenes/take.json). */
  readonly hotSet?: HotSetDef;
}

export interface KioskConfig {
  readonly idleSeconds?: number;
  readonly countdownSeconds?: number;
  readonly attractSecondsPerStation?: number;
  readonly attractStations?: readonly string[];
  readonly staffPin?: string;
  readonly textSize?: 'normal' | 'large' | 'x-large';
  readonly watchdogSeconds?: number;
}

export interface StationText {
  readonly title: string;
  /** Short floating label over the station (defaults to title). */
  readonly label?: string;
  readonly explanation: string;
  readonly techChange: string;
  readonly didYouKnow: string;
}

export interface RoleText {
  readonly title: string;
  readonly shootingDay: string;
  readonly tag: string;
}

export interface StageText {
  readonly title: string;
  readonly summary: string;
}

/** Every visitor-facing string of the interface. Keys are code; their text is content. */
export const UI_KEYS = [
  'appTitle', 'loading', 'startHint', 'help', 'helpTitle', 'helpDesktop', 'helpTouch', 'helpKeyboard',
  'close', 'next', 'previous', 'overlayOn', 'overlayOff', 'overlayKey', 'settings', 'textSize',
  'textSizeNormal', 'textSizeLarge', 'textSizeXLarge', 'reducedMotion', 'highContrast', 'floorPlan',
  'youAreHere', 'stage', 'techChangeHeading', 'didYouKnowHeading', 'crewHeading', 'roleCardHeading',
  'onShootingDay', 'visited', 'tourProgress', 'unknownStation', 'focusHint', 'errorTitle',
  'errorIntro', 'noWebglTitle', 'noWebglBody', 'enableMotion', 'motionDenied', 'sceneLabel',
  'language',
  'enterVR', 'enterAR', 'exitAR', 'xrHeading', 'vrUnavailable', 'arUnavailable', 'vrHelp', 'arHelp', 'xrRefused', 'xrEnded', 'trackingLost', 'vrComfort', 'snapTurn', 'smoothMove', 'seated', 'teleportRefused', 'arFindSurface', 'arTapToPlace', 'arTapStation', 'arRotateLeft', 'arRotateRight', 'arBigger', 'arSmaller', 'arReplace', 'arLifeSize', 'arMiniature', 'arLifeSizeHint',
  'narration', 'narrationPlay', 'narrationPause', 'narrationReplay', 'narrationSkip', 'mute', 'unmute', 'volume', 'captions', 'showCaptions', 'tapForSound', 'soundBlocked', 'audioUnavailable', 'quietOnSet', 'languageReload',
  'touchToBegin', 'attractTitle', 'stillThere', 'stillThereBody', 'keepGoing', 'staffTitle', 'staffPin', 'staffPinWrong', 'staffOpen', 'staffExitKiosk', 'staffRestart', 'staffBack', 'analyticsTitle', 'analyticsSummary', 'exportCsv', 'clearData', 'clearDataConfirm', 'dataCleared', 'updateReady', 'offlineReady',
  'lessonButton', 'lessonTitle', 'objectivesHeading', 'startLesson', 'lessonProgress', 'quizTitle', 'startQuiz', 'quizQuestion', 'quizCorrect', 'quizWrong', 'quizRevisit', 'quizNext', 'quizFinish', 'summaryTitle', 'summaryBody', 'lessonRestart', 'lessonClose',
  // Templates: how this language puts words together (punctuation, order, joining).
  'stageKicker', 'roleKicker', 'crewFooter', 'listSeparator', 'previousButton', 'nextButton', 'overlayButton', 'quizProgress', 'dataClearedSummary', 'vrName', 'arName',
  'staffPinLocked',
  'appTitleShort',
  'menu',
  'sheetMore',
  'sheetLess',
  'arAdjust',
  'saveOffline',
  'saveOfflineProgress',
  'saveOfflineDone',
  'saveOfflineFailed',
  'shootTake',
  'stopTake',
  'activityOpen',
  'activityClose',
  'activityReset',
  'activityDoneBadge',
  'activitiesProgress',
  'activityLifeSize',
  'activityLifeSizeButton',
  'activityLoading',
  'activityFailed',
  'activityControls',
  'activityTry',
  // The classroom (docs/CLASSROOM.md): a student's join screen and class bar, the teacher's dashboard.
  'classJoinTitle', 'classJoinIntro', 'classCodeLabel', 'classNicknameLabel', 'classJoin', 'classJoining', 'classAlone', 'classRetry', 'classErrCode', 'classErrUnknown', 'classErrEnded', 'classErrFull', 'classErrEmpty', 'classErrTooLong', 'classErrTaken', 'classErrUnreachable', 'classErrBusy', 'classErrOther', 'classBadge', 'classOnline', 'classOffline', 'classLockedBadge', 'classFollowingBadge', 'classLocked', 'classGathered', 'classPaused', 'classPausedBody', 'classEnded', 'classRemoved', 'classMatesAt', 'classDashboard', 'classDashboardShow', 'classDashboardHide', 'classOpening', 'classOpenFailed', 'classCodeHeading', 'classJoinAt', 'classQrLabel', 'classCount', 'classNoStudents', 'classColNickname', 'classColDevice', 'classColStation', 'classColActivities', 'classColQuiz', 'classColOnline', 'classDeviceDesktop', 'classDevicePhone', 'classDeviceVr', 'classDeviceAr', 'classAtStart', 'classYes', 'classNo', 'classQuizScore', 'classFollowMe', 'classGatherLabel', 'classGather', 'classPauseAll', 'classResume', 'classLock', 'classEnd', 'classEndSure', 'classCancel', 'classEndedTeacher', 'classDownload', 'classNewSession', 'classTeacherOffline',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

/** Words painted on the props (signs, slates, call sheets, labels): content, so each language has its own. */
export const SET_WORD_KEYS = [
  'callSheet', 'dayNumber', 'crewList', 'shootingSchedule', 'weekNumber', 'callTime', 'sunsetTime', 'scriptDraft', 'detective', 'director', 'producer', 'scriptSupervisor', 'storyboardScene', 'storyboardTitle', 'nowShowing', 'inCinemas', 'comingLine1', 'comingLine2', 'filmNightShift', 'filmDuneRun', 'filmHeist', 'filmOrbit', 'filmEclipse', 'flatScene', 'propsRack', 'propPhone', 'propCase', 'propLantern', 'propWine', 'propHat', 'propGlobe', 'propTypewriter', 'costumeLead', 'costumeScenes', 'dolly', 'cameraLetter', 'slateRoll', 'slateScene', 'slateTake', 'slateProduction', 'slateDirector', 'slateCamera', 'gripBox', 'soundCart', 'stuntMat', 'decelerator', 'xrLab',
] as const;
export type SetWordKey = (typeof SET_WORD_KEYS)[number];
export type SetWords = Readonly<Record<SetWordKey, string>>;

export interface LocaleFile {
  readonly $schema?: string;
  readonly locale: string;
  /** The language's own name for itself, e.g. "English", "Español". */
  readonly name: string;
  readonly dir?: 'ltr' | 'rtl';
  readonly ui: Readonly<Record<UiKey, string>>;
  readonly stages: Readonly<Record<string, StageText>>;
  readonly departments: Readonly<Record<string, string>>;
  readonly stations: Readonly<Record<string, StationText>>;
  readonly roles: Readonly<Record<string, RoleText>>;
  readonly setDressing: SetWords;
}

/** Validated, frozen content the app runs on. */
export interface Content {
  readonly set: SetFile;
  readonly locale: LocaleFile;
}

export interface ContentProblem {
  /** File the problem is in, relative to the app root, e.g. "scenes/set.json". */
  readonly file: string;
  /** JSON path, e.g. "$.stations[3].crew[0].role". */
  readonly path: string;
  readonly message: string;
}
