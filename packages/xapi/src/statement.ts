// TypeScript shapes of xAPI 1.0.3 statements (Data part, section 2.4). They describe a statement that passed
// validateStatement; anything read from the network is `unknown` until then.

export const XAPI_VERSION = '1.0.3';
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** Keys are RFC 5646 language tags, e.g. { 'zh-CN': '完成了', en: 'completed' }. */
export type LanguageMap = Record<string, string>;
/** Keys are IRIs; values are any JSON (null included). */
export type Extensions = Record<string, unknown>;

export interface Account {
  homePage: string;
  name: string;
}

/** The four inverse functional identifiers: an Agent has exactly one, an identified Group one. */
export interface Ifi {
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
}

export interface Agent extends Ifi {
  objectType?: 'Agent';
  name?: string;
}

export interface Group extends Ifi {
  objectType: 'Group';
  name?: string;
  member?: Agent[];
}

export type Actor = Agent | Group;

export interface Verb {
  id: string;
  display?: LanguageMap;
}

export type InteractionType =
  | 'true-false'
  | 'choice'
  | 'fill-in'
  | 'long-fill-in'
  | 'matching'
  | 'performance'
  | 'sequencing'
  | 'likert'
  | 'numeric'
  | 'other';

export interface InteractionComponent {
  id: string;
  description?: LanguageMap;
}

export type ActivityDefinition = {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  interactionType?: InteractionType;
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  scale?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
  steps?: InteractionComponent[];
  extensions?: Extensions;
};

export interface Activity {
  objectType?: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface SubStatement {
  objectType: 'SubStatement';
  actor: Actor;
  verb: Verb;
  object: Activity | ObjectAgent | Group | StatementRef;
  result?: Result;
  context?: Context;
  timestamp?: string;
  attachments?: Attachment[];
}

/** An Agent as a statement's object must say so (Data 2.4.4.2); elsewhere objectType is optional. */
export type ObjectAgent = Agent & { objectType: 'Agent' };
export type StatementObject = Activity | ObjectAgent | Group | StatementRef | SubStatement;

export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. PT83.25S. Compared as a string (Data 2.3.1). */
  duration?: string;
  extensions?: Extensions;
}

/** Each may be sent as one Activity or an array; an LRS returns arrays. */
export interface ContextActivities {
  parent?: Activity | Activity[];
  grouping?: Activity | Activity[];
  category?: Activity | Activity[];
  other?: Activity | Activity[];
}

export interface Context {
  registration?: string;
  instructor?: Actor;
  team?: Group;
  contextActivities?: ContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: StatementRef;
  extensions?: Extensions;
}

export interface Attachment {
  usageType: string;
  display: LanguageMap;
  description?: LanguageMap;
  contentType: string;
  length: number;
  sha2: string;
  fileUrl?: string;
}

export type Statement = {
  id?: string;
  actor: Actor;
  verb: Verb;
  object: StatementObject;
  result?: Result;
  context?: Context;
  timestamp?: string;
  stored?: string;
  authority?: Actor;
  version?: string;
  attachments?: Attachment[];
};
