/** Version of the UI <-> controller API. Bump on any incompatible change of a schema below. */
export const API_PROTOCOL_VERSION = 1;

/** The five languages the robot speaks; Vietnamese is the default. */
export const LANGUAGES = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
