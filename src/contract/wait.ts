/**
 * How a wait is said, in one language: locales/<lang>/wait.json. The touchscreen, the printed
 * ticket and the phone page all say it with core's `sayWait`, so the same figures read the same.
 */
import { z } from 'zod';

const Template = z.string().min(1).max(200);

export const WaitStrings = z
  .object({
    /** Nobody ahead: no minutes at all (never "about 0 min"). */
    next: Template,
    peopleAhead: Template,
    range: Template,
    /** The low end rounds to 0 minutes. */
    upTo: Template,
    /** Both ends round to the same minute. */
    about: Template,
  })
  .strict();
export type WaitStrings = z.infer<typeof WaitStrings>;
