import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import type { Catalog, CommandResponse, Language, StaffCallReason, StaffCallResponse, UiSettings } from '../contract';
import type { ApiClient } from './api-client';
import type { Screen } from './app';

export type Guide = CommandResponse<'procedure.list'>;
export type IssueResult = CommandResponse<'ticket.issue'>;

/**
 * What every screen of a visitor's session can use: the session's language and texts, the
 * catalog, navigation, and the few commands a journey sends. Screens get it from the registry
 * in app.tsx; none of them keeps session data of its own beyond what it shows.
 */
export interface JourneyContext {
  t: TFunction;
  language: Language;
  catalog: Catalog;
  guide: Guide | undefined;
  ui: UiSettings;
  api: ApiClient;
  /** Back / large text / language / finish: the same bar on every screen but the ticket. */
  nav: ComponentChildren;
  /** A ticket is being issued: service buttons are disabled. */
  busy: boolean;
  push(screen: Screen): void;
  /** Replaces the current screen (a confirmation becoming its result). */
  replace(screen: Screen): void;
  endSession(): void;
  /** Takes a number for a service, in a priority group or (undefined) as a normal ticket. */
  takeNumber(serviceId: string, categoryId: string | undefined): void;
  /** A service found by search or in the guide: asks the priority question first when the catalog has groups. */
  chooseService(serviceId: string): void;
  /** The group picked on the services screen's priority question, until the session ends. */
  priority: string | undefined;
  /** That question, shown above a field's services; null when the catalog has no groups. */
  priorityChoice: ComponentChildren;
  callStaff(reason: StaffCallReason, ticketId?: string): Promise<StaffCallResponse>;
  /** A "read aloud" button for this text when the robot has a loudspeaker; null otherwise. */
  readAloud(text: () => string): ComponentChildren;
}
