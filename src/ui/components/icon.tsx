import { h, type VNode } from 'preact';
import {
  ArrowLeft, BadgeCheck, BookOpen, CalendarCheck, CircleX, Clock, FileSearch, Globe, HardHat, HeartHandshake, Landmark,
  CalendarPlus, LogOut, PackageCheck, Scale, ScanLine, Search, Store, Type, UserRound, Users, Volume2, Keyboard, type IconNode,
} from 'lucide';

/**
 * One icon set for fields and actions (lucide's icon nodes, drawn as Preact SVG: lucide-preact
 * wants Preact 10). Icons are decoration: the words next to them say the same thing.
 */
export const ICONS = {
  back: ArrowLeft, largeText: Type, language: Globe, end: LogOut, search: Search, guide: BookOpen, appointment: CalendarCheck,
  dossier: FileSearch, staff: UserRound, clock: Clock, speaking: Volume2, closed: CircleX, scan: ScanLine, keyboard: Keyboard,
  waiting: Users, emblem: Landmark, book: CalendarPlus,
  // the demo catalog's fields; an unknown field gets the generic "service" mark
  'civil-status': Scale, certification: BadgeCheck, land: Landmark, construction: HardHat, business: Store, social: HeartHandshake,
  results: PackageCheck,
} satisfies Record<string, IconNode>;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = '1.2em' }: { name: string; size?: string }): VNode | null {
  const node = (ICONS as Record<string, IconNode>)[name] ?? BadgeCheck;
  return h(
    'svg',
    { class: 'icon', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' },
    node.map(([tag, attrs]) => h(tag, attrs as Record<string, string>)),
  );
}
