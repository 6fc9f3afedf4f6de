/**
 * Motion vocabulary shared by the controller, the service-mode UI and the core behaviours:
 * the robot's servos, its behaviours and the motion board's connection status.
 */
import { z } from 'zod';

/** Head pan/tilt and the two arms of the reference robot (hardware/pinmap.json). */
export const SERVO_NAMES = ['headPan', 'headTilt', 'leftArm', 'rightArm'] as const;
export const ServoName = z.enum(SERVO_NAMES);
export type ServoName = z.infer<typeof ServoName>;

/** Behaviours tied to robot states; definitions live in src/core/behaviours.ts. */
export const BEHAVIOUR_NAMES = ['idle', 'greet', 'listening', 'thinking', 'printing', 'success', 'error', 'serviceMode'] as const;
export const BehaviourName = z.enum(BEHAVIOUR_NAMES);
export type BehaviourName = z.infer<typeof BehaviourName>;

export const MOTION_STATUSES = ['disconnected', 'connecting', 'ready', 'fault'] as const;
export const MotionStatus = z.enum(MOTION_STATUSES);
export type MotionStatus = z.infer<typeof MotionStatus>;

const Channel = z.number().int().min(0).max(255);
export const Rgb = z.object({ r: Channel, g: Channel, b: Channel }).strict();
export type Rgb = z.infer<typeof Rgb>;

/** Servo angles in degrees from the calibrated centre; positive = right / up / arm raised. */
export const Pose = z.partialRecord(ServoName, z.number().min(-180).max(180));
export type Pose = z.infer<typeof Pose>;
