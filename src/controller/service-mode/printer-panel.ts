/**
 * The printer as the technician sees it: status, a diagnostic test page (test-page.ts), a preview
 * of the last ticket as it printed, how many tickets went out since the paper-near-end sensor tripped, and the density and
 * cut settings, which apply to the next ticket (the job builder is rebuilt when they change).
 */
import { CodedError, type Catalog, type PartStatus } from '../../contract';
import type { PrinterConfig } from '../config/schema';
import type { PrinterPort } from '../devices/printer/port';
import { printerProfile } from '../devices/printer/profiles';
import { bitmapToPng } from '../devices/printer/ticket/bitmap-png';
import { renderTicket, ticketBitmap } from '../devices/printer/ticket/render-ticket';
import { ticketContent, ticketJobBuilder, type TicketJobBuilder } from '../devices/printer/ticket/ticket-job';
import type { QueueStore } from '../store/queue-store';
import { testPageJob } from './test-page';

export interface PrinterPanelDeps {
  printer: PrinterPort;
  store: QueueStore;
  catalog: () => Catalog;
  statusUrlTemplate: string;
  nowMs: () => number;
  robotId: string;
  version: string;
}

export class PrinterPanel {
  private config: PrinterConfig;
  private builder: TicketJobBuilder;
  private nearEndSinceMs: number | null = null;
  private readonly offStatus: () => void;

  constructor(
    initial: PrinterConfig,
    private readonly deps: PrinterPanelDeps,
  ) {
    this.config = initial;
    this.builder = ticketJobBuilder(initial, deps.catalog, deps.statusUrlTemplate);
    this.offStatus = deps.printer.onStatus((s) => this.onStatus(s));
    this.onStatus(deps.printer.status());
  }

  /** What the queue prints with: always the current density and cut. */
  readonly ticketJob: TicketJobBuilder = (ticket, service, extras) => this.builder(ticket, service, extras);

  /** A new printer section (density or cut changed): the next ticket uses it. */
  setConfig(config: PrinterConfig): void {
    this.builder = ticketJobBuilder(config, this.deps.catalog, this.deps.statusUrlTemplate);
    this.config = config;
  }

  private onStatus(s: PartStatus): void {
    if (s.code === 'PRINTER_PAPER_NEAR_END') this.nearEndSinceMs ??= this.deps.nowMs();
    else if (s.state === 'ok') this.nearEndSinceMs = null; // a new roll
  }

  info(): { status: PartStatus; paperNearEndTickets: number | null; density: number | null; cut: 'partial' | 'full' | 'none' | null } {
    const c = this.config.adapter === 'none' ? null : this.config;
    return { status: this.deps.printer.status(), paperNearEndTickets: this.printedSinceNearEnd(), density: c?.density ?? null, cut: c?.cut ?? null };
  }

  private printedSinceNearEnd(): number | null {
    if (this.nearEndSinceMs === null) return null;
    return this.deps.store.printedSince(this.nearEndSinceMs);
  }

  /** The diagnostic page (test-page.ts) with the printer's status as it answers now; never a ticket. */
  async testPage(): Promise<void> {
    const c = this.config;
    if (c.adapter === 'none') throw new CodedError('SERVICE_NO_PRINTER', 'no printer is configured');
    const condition = await this.deps.printer.refreshStatus().catch(() => undefined);
    const job = testPageJob({
      config: c, profile: printerProfile(c.profile), status: this.deps.printer.status(), condition,
      robotId: this.deps.robotId, version: this.deps.version, at: new Date(this.deps.nowMs()),
    });
    await this.deps.printer.print(job);
  }

  /** The day's last ticket drawn as the printer draws it, as a PNG data URL. */
  preview(): { display: string | null; png: string | null } {
    const store = this.deps.store;
    const ticket = store.latestTicketOfDay(store.businessDay());
    const service = ticket && this.deps.catalog().services.find((s) => s.id === ticket.serviceId);
    if (!ticket || !service) return { display: null, png: null };
    const c = this.config.adapter === 'none' ? undefined : this.config;
    const width = c?.widthDots ?? printerProfile(c?.profile ?? 'epson-tm-t20').widthDots;
    const drawing = renderTicket(ticketContent(ticket, service, this.deps.catalog().centerName, this.deps.statusUrlTemplate), width);
    return { display: ticket.display, png: `data:image/png;base64,${bitmapToPng(ticketBitmap(drawing)).toString('base64')}` };
  }

  close(): void {
    this.offStatus();
  }
}
