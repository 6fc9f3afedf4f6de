/**
 * Which board pin drives what. REFERENCE_PIN_MAP is the reference robot (documented for the
 * workshop in hardware/pinmap.json and hardware/README-board.md; a test keeps them identical);
 * a robot wired differently overrides it in the motion config. Validated because a wrong pin can
 * drive a servo from an LED channel.
 */
import { z } from 'zod';

/** Uno digital pins; 0 and 1 carry the serial link to the controller. */
const Pin = z.number().int().min(2).max(19);

export const PinMap = z
  .object({
    servos: z.object({ headPan: Pin, headTilt: Pin, leftArm: Pin, rightArm: Pin }).strict(),
    /** Must be hardware-PWM pins not on timer1 (the Servo library owns it): 3, 5, 6, 11. */
    light: z.object({ r: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(11)]), g: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(11)]), b: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(11)]) }).strict(),
    inputs: z.object({ presence: Pin, estop: Pin }).strict(),
    /** Normally-closed e-stop to ground with a pull-up: pressed or a cut wire reads high (fail-safe). */
    estopActiveLevel: z.enum(['high', 'low']),
    presenceActiveLevel: z.enum(['high', 'low']),
  })
  .strict()
  .refine((m) => new Set([...Object.values(m.servos), ...Object.values(m.light), ...Object.values(m.inputs)]).size === 9, {
    message: 'every servo, light channel and input needs its own pin',
  });
export type PinMap = z.infer<typeof PinMap>;

export const REFERENCE_PIN_MAP: PinMap = PinMap.parse({
  servos: { headPan: 7, headTilt: 8, leftArm: 9, rightArm: 10 },
  light: { r: 3, g: 5, b: 6 },
  inputs: { presence: 4, estop: 2 },
  estopActiveLevel: 'high',
  presenceActiveLevel: 'high',
});
