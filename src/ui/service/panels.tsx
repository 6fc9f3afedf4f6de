import type { TFunction } from 'i18next';
import type { Language } from '../../contract';
import type { ApiClient } from '../api-client';
import { AudioPanel } from './panels/audio';
import { BoardPanel } from './panels/board';
import { LogsPanel } from './panels/logs';
import { NetworkPanel } from './panels/network';
import { OverviewPanel } from './panels/overview';
import { PrinterPanel } from './panels/printer';
import { ScannerPanel } from './panels/scanner';
import { SettingsPanel } from './panels/settings';
import { StatsPanel } from './panels/stats';
import { TicketsPanel } from './panels/tickets';
import type { SessionCall } from './session-api';

export const PANELS = ['overview', 'printer', 'scanner', 'board', 'audio', 'network', 'logs', 'stats', 'tickets', 'settings'] as const;
export type PanelName = (typeof PANELS)[number];

export interface PanelProps {
  t: TFunction;
  call: SessionCall;
  api: ApiClient;
  onError: (e: unknown) => void;
  /** A technician's action succeeded: an error shown for an earlier one no longer stands beside it. */
  clearError: () => void;
  language: Language;
}

export function Panel({ name, ...props }: PanelProps & { name: PanelName }) {
  switch (name) {
    case 'overview':
      return <OverviewPanel {...props} />;
    case 'printer':
      return <PrinterPanel {...props} />;
    case 'scanner':
      return <ScannerPanel {...props} />;
    case 'board':
      return <BoardPanel {...props} />;
    case 'audio':
      return <AudioPanel {...props} />;
    case 'network':
      return <NetworkPanel {...props} />;
    case 'logs':
      return <LogsPanel {...props} />;
    case 'stats':
      return <StatsPanel {...props} />;
    case 'tickets':
      return <TicketsPanel {...props} />;
    case 'settings':
      return <SettingsPanel {...props} />;
  }
}
