/**
 * Every error a citizen, a technician or a script can meet carries one of these stable codes.
 * Messages are looked up by code in locales/<lang>/errors.json (a test checks every code there);
 * nothing ever matches on a message text.
 */
export const ERROR_CODES = [
  // API envelope
  'BAD_MESSAGE',
  'UNKNOWN_COMMAND',
  'INVALID_PAYLOAD',
  'UNSUPPORTED_PROTOCOL',
  'INTERNAL_ERROR',
  // config
  'CONFIG_INVALID',
  // queue
  'SERVICE_UNKNOWN',
  'TICKET_NOT_FOUND',
  // printer
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_CUTTER_ERROR',
  'PRINTER_TIMEOUT',
  'PRINTER_DISCONNECTED',
  // voice (issue 8): microphone, wake word engines, speech out
  'VOICE_CAPTURE_TOOL_MISSING',
  'VOICE_CAPTURE_DEVICE_MISSING',
  'VOICE_CAPTURE_FAILED',
  'VOICE_AUDIO_FORMAT_UNSUPPORTED',
  'VOICE_AUDIO_FILE_UNREADABLE',
  'VOICE_TTS_MISSING',
  'VOICE_TTS_FAILED',
  'VOICE_LANGUAGE_UNSUPPORTED',
  'VOICE_PLAYBACK_TOOL_MISSING',
  'VOICE_PLAYBACK_DEVICE_MISSING',
  'VOICE_PLAYBACK_FAILED',
  'WAKEWORD_ENGINE_MISSING',
  'WAKEWORD_MODEL_MISSING',
  'WAKEWORD_ENGINE_FAILED',
  'WAKEWORD_ACCESS_KEY_MISSING',
  'WAKEWORD_ACCESS_KEY_INVALID',
  'WAKEWORD_ACTIVATION_REFUSED',
  'WAKEWORD_KEYWORD_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with a stable code; `detail` is for logs and technicians, never shown as is to citizens. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'CodedError';
  }
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError;
}
