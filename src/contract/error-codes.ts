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
  // the touchscreen's own connection to the controller (issue 16 point 18: no longer INTERNAL_ERROR)
  'API_NOT_CONNECTED',
  'API_NO_REPLY',
  'API_CONNECTION_LOST',
  // config
  'CONFIG_INVALID',
  // queue
  'SERVICE_UNKNOWN',
  'TICKET_NOT_FOUND',
  // queue rules and store (issue 3: queue core)
  'QUEUE_CENTER_CLOSED',
  'QUEUE_HOLIDAY',
  'QUEUE_LUNCH_BREAK',
  'QUEUE_CUTOFF_REACHED',
  'QUEUE_DAILY_CAP_REACHED',
  'QUEUE_NO_NUMBERS_AVAILABLE',
  'QUEUE_NOT_ENROLLED',
  'QUEUE_PRIORITY_UNKNOWN',
  'QUEUE_TICKET_STATE_CONFLICT',
  'QUEUE_PRINT_OUTCOME_UNKNOWN',
  'QUEUE_STORE_FAILED',
  // procedure guide
  'PROCEDURE_UNKNOWN',
  // motion (issue 5): head, arms and light board, src/controller/devices/motion
  'MOTION_DISABLED',
  'MOTION_DISCONNECTED',
  'MOTION_READY_TIMEOUT',
  'MOTION_NOT_ANSWERING',
  'MOTION_NOT_READY',
  'MOTION_ESTOP',
  'MOTION_STOPPED',
  'MOTION_PROFILE_CORRUPT',
  'MOTION_PROFILE_WRITE_FAILED',
  // end of motion
  // printer
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_CUTTER_ERROR',
  'PRINTER_TIMEOUT',
  'PRINTER_DISCONNECTED',
  // electron shell (shown on its local pages)
  'SHELL_CONTROLLER_RESTARTING',
  'SHELL_RENDERER_CRASH_LOOP',
  // scanning and codes (issue 6): parsers in src/core/codes, scanner adapters in src/controller/devices/scanner
  'SCAN_UNKNOWN_FORMAT',
  'SCAN_TOO_LONG',
  'SCAN_EMPTY',
  'SCAN_CONTROL_CHARACTERS',
  'APPOINTMENT_MALFORMED',
  'APPOINTMENT_SIGNATURE_INVALID',
  'APPOINTMENT_EXPIRED',
  'BADGE_MALFORMED',
  'BADGE_SIGNATURE_INVALID',
  'BADGE_EXPIRED',
  'BADGE_NOT_YET_VALID',
  'DOSSIER_CODE_INVALID',
  'DOSSIER_CODE_AMBIGUOUS',
  'PORTAL_LINK_WITHOUT_CODE',
  'TICKET_QR_INVALID',
  'SCANNER_NOT_FOUND',
  'SCANNER_DISCONNECTED',
  'SCANNER_OPEN_FAILED',
  'SCANNER_LINE_TOO_LONG',
  // appointment check-in and dossier look-up (issue 6): src/controller/appointments, src/core/appointments
  'APPOINTMENT_NOT_APPOINTMENT_CODE',
  'APPOINTMENT_WRONG_DAY',
  'APPOINTMENT_TOO_EARLY',
  'APPOINTMENT_TOO_LATE',
  'APPOINTMENT_CANCELLED',
  'APPOINTMENT_ALREADY_CHECKED_IN',
  'APPOINTMENT_NOT_FOUND',
  'DOSSIER_NOT_FOUND',
  'DOSSIER_LOOKUP_OFFLINE',
  // end of scanning and codes
  // printer issue: status faults and transport limits
  'PRINTER_PAPER_NEAR_END',
  'PRINTER_HARDWARE_ERROR',
  'PRINTER_NOT_SUPPORTED',
  'PRINTER_JOB_TOO_LARGE',
  // issue 16 point 18: a ticket the software could not draw, a printer failure without a code
  'TICKET_RENDER_FAILED',
  'PRINTER_UNEXPECTED_ERROR',
  // center backend and robot sync (issue 7: center sync)
  'CENTER_INVALID_REQUEST',
  'CENTER_BODY_TOO_LARGE',
  'CENTER_RATE_LIMITED',
  'CENTER_NOT_FOUND',
  'CENTER_STAFF_UNAUTHORIZED',
  'CENTER_NO_ROBOT_SLOT',
  'CENTER_NUMBERS_EXHAUSTED',
  'CENTER_PREFIX_UNKNOWN',
  'CENTER_COUNTER_UNKNOWN',
  'CENTER_QUEUE_EMPTY',
  'CENTER_NO_CURRENT_TICKET',
  'CENTER_STORAGE_FAILED',
  'SYNC_ENROLMENT_CODE_INVALID',
  'SYNC_ROBOT_ID_TAKEN',
  'SYNC_NOT_ENROLLED',
  'SYNC_TOKEN_EXPIRED',
  'SYNC_DEVICE_REVOKED',
  'SYNC_PROTOCOL_UNSUPPORTED',
  'SYNC_DAY_NOT_LEASABLE',
  'SYNC_TICKET_CONFLICT',
  'SYNC_NUMBER_DUPLICATE',
  'SYNC_CENTER_UNREACHABLE',
  'SYNC_RESPONSE_INVALID',
  // issue 16 point 18: robot-side files and marks of the sync that used to fail silently
  'SYNC_MARK_STORE_FAILED',
  'SYNC_CREDENTIALS_UNREADABLE',
  'SYNC_CENTER_CATALOG_UNREADABLE',
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
  'VOICE_DISABLED',
  'VOICE_TEXT_UNREADABLE',
  // end of voice
  // touchscreen journeys (issue 9): staff calls, src/controller/staff
  'STAFF_CALL_FAILED',
  // end of touchscreen journeys
  // service mode (issue 10): src/controller/service-mode
  'SERVICE_PIN_WRONG',
  'SERVICE_LOCKED_OUT',
  'SERVICE_PIN_NOT_SET',
  'SERVICE_BADGE_REQUIRED',
  'SERVICE_SESSION_INVALID',
  'SERVICE_NOT_AVAILABLE',
  'SERVICE_SETTING_INVALID',
  'SERVICE_CONFIG_WRITE_FAILED',
  'SERVICE_EXPORT_FAILED',
  'SERVICE_NO_PRINTER',
  'SERVICE_PIN_FORMAT',
  // end of service mode
  // fault and load harness (issue 12): the store's disk is full; issuing refuses, nothing is corrupted
  'STORE_DISK_FULL',
  // another process holds the store's file (issue 21): every write refuses with this code
  'STORE_LOCKED',
  // the wall clock jumped (a log and audit code for technicians: the store keeps numbers and days safe)
  'STORE_CLOCK_JUMPED',
  // start-up failures (issue 16): `lobby-robot start` exits non-zero naming the file or port
  'STARTUP_STORE_CORRUPT',
  'STARTUP_STORE_TOO_NEW',
  'STARTUP_DATA_DIR_NOT_WRITABLE',
  'STARTUP_DATA_DIR_FULL',
  'STARTUP_CENTER_STORE_CORRUPT',
  'STARTUP_CENTER_DATABASE_URL_INVALID',
  'STARTUP_CENTER_DATABASE_UNREACHABLE',
  'STARTUP_CENTER_DATABASE_TOO_NEW',
  'STARTUP_CENTER_CATALOG_INVALID',
  'STARTUP_SIGNING_KEY_INVALID',
  'STARTUP_PORT_IN_USE',
  'STARTUP_FAILED',
  // end of start-up failures
  // booking, home visits, ratings and statistics (issue 18)
  'BOOKING_NEEDS_CENTER',
  'BOOKING_SLOT_FULL',
  'BOOKING_SLOT_UNAVAILABLE',
  'BOOKING_PHONE_INVALID',
  'HOME_VISIT_CATEGORY_NOT_ALLOWED',
  'HOME_VISIT_NOT_FOUND',
  'HOME_VISIT_STATE_CONFLICT',
  'RATING_TICKET_NOT_COMPLETED',
  'RATING_ALREADY_GIVEN',
  'RATING_NEEDS_CENTER',
  'STATS_RANGE_INVALID',
  // branches: one deployment, many ward centers (issue 19)
  'CENTER_BRANCH_UNKNOWN',
  'CENTER_BRANCH_MISMATCH',
  'CENTER_ADMIN_UNAUTHORIZED',
  'STARTUP_CENTER_BRANCH_MISMATCH',
  'STARTUP_CENTER_BRANCHES_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with a stable code; `detail` is for logs and technicians, never shown as is to citizens. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    /** For queue refusals: when the citizen can come back (ISO instant), shown in the message. */
    readonly nextOpeningAt?: string,
  ) {
    super(detail ?? code);
    this.name = 'CodedError';
  }
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError;
}
