/**
 * Voice vocabulary between the touchscreen and the controller (issue 8): the UI asks the robot to
 * read a screen aloud, to stop speaking (any touch), and tells it the session's language so a wake
 * word is answered in it; the controller pushes the voice session's state and "the robot was woken".
 */
import { z } from 'zod';
import { LANGUAGES } from './version';

/** A procedure screen read aloud is a few hundred words; more than this is not something to speak. */
export const MAX_SPOKEN_TEXT = 4000;

/** Printable text only: no control characters beyond line breaks (espeak-ng reads stdin as is). */
const SpokenText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SPOKEN_TEXT)
  .refine((t) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(t), 'no control characters');

export const VoiceSayRequest = z.object({ text: SpokenText, language: z.enum(LANGUAGES) }).strict();
export const VoiceSayResponse = z.object({ started: z.literal(true) });

export const VoiceStopRequest = z.object({}).strict();
export const VoiceStopResponse = z.object({ stopped: z.boolean() });

/** `language` null: no citizen at the screen, the robot answers a wake word in its default language. */
export const VoiceSessionRequest = z.object({ language: z.enum(LANGUAGES).nullable() }).strict();
export const VoiceSessionResponse = z.object({});

export const VOICE_PHASES = ['idle', 'greeting', 'attentive', 'reading', 'farewell'] as const;

export const VoiceStateEvent = z.object({
  phase: z.enum(VOICE_PHASES),
  speaking: z.boolean(),
  language: z.enum(LANGUAGES),
});
export type VoiceStateEvent = z.infer<typeof VoiceStateEvent>;

/** The robot heard its wake word: the screen should show the options it is reading out. */
export const VoiceWakeEvent = z.object({ language: z.enum(LANGUAGES) });
export type VoiceWakeEvent = z.infer<typeof VoiceWakeEvent>;
