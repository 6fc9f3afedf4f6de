/**
 * The reference center run in-process by `lobby-robot start` (center mode 'embedded', the
 * simulator default): its data under <dataDir>/center, on loopback, on the robot's clock (so a
 * simulated clock start gives the same business day to both). A robot not yet enrolled gets a
 * one-time code from the center's admin route, exactly as a technician would hand it over.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../contract/catalog';
import { CreateEnrolmentCodeResponse } from '../contract/sync';
import { PLACEHOLDER_TICKET_STATUS_URL, type RobotConfig } from '../controller/config/schema';
import type { Logger } from '../controller/log';
import { robotClock } from '../controller/main';
import { credentialsFile } from '../controller/sync/create-sync';
import { fileCredentialStore } from '../controller/sync/credentials';
import { startCenter, type StartedCenter } from './commands/center';

export interface EmbeddedCenter extends StartedCenter {
  /** Set when the robot has no saved enrolment yet. */
  enrolmentCode?: string;
  /** Where phones reach it: loopback, or the machine's LAN address when it listens on all of them. */
  publicUrl: string;
}

const WILDCARD = new Set(['0.0.0.0', '::']);

/** The address a phone on the LAN uses for a center listening on `host`: a wildcard becomes the first LAN IPv4. */
export function publicCenterUrl(host: string, port: number, interfaces: Record<string, NetworkInterfaceInfo[] | undefined> = networkInterfaces()): string {
  if (!WILDCARD.has(host)) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const lan = Object.values(interfaces).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
  return `http://${lan?.address ?? '127.0.0.1'}:${port}`;
}

export async function startEmbeddedCenter(config: RobotConfig, catalog: Catalog, log: Logger): Promise<EmbeddedCenter> {
  const now = robotClock(config);
  const center = await startCenter({
    host: config.center.host, port: config.center.port, dataDir: join(config.dataDir, 'center'), catalog,
    log: log.child({ part: 'center' }), now: () => now().getTime(), database: config.center.database,
    // the robot reaches it on loopback, a phone scanning a home visit slip on the LAN address
    publicUrl: (port) => publicCenterUrl(config.center.host, port),
  });
  const publicUrl = publicCenterUrl(config.center.host, center.port);
  log.info({ publicUrl, url: center.url }, 'embedded center listening (counter page at /counter, lobby display at /display)');
  if (fileCredentialStore(credentialsFile(config.dataDir), log).load()?.robotId === config.robotId) return { ...center, publicUrl };
  try {
    const res = await fetch(`${center.url}/v1/admin/enrolment-codes`, {
      method: 'POST',
      headers: { authorization: `Staff ${center.staffKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ robotId: config.robotId, validMinutes: 10 }),
    });
    const { code } = CreateEnrolmentCodeResponse.parse(await res.json());
    return { ...center, publicUrl, enrolmentCode: code };
  } catch (e) {
    log.warn({ err: (e as Error).message }, 'no enrolment code from the embedded center; the robot issues offline');
    return { ...center, publicUrl };
  }
}

/**
 * The robot trusts the appointment QRs of the center embedded beside it: the key never crosses a
 * network, so adding it here is as safe as a technician writing it into the config file. Keys
 * already configured stay first (at most 4, as the schema allows).
 */
export function trustEmbeddedCenter(config: RobotConfig, appointmentKey: string): RobotConfig {
  const keys = config.codes.centerPublicKeys.includes(appointmentKey) ? config.codes.centerPublicKeys : [...config.codes.centerPublicKeys, appointmentKey].slice(-4);
  return { ...config, codes: { ...config.codes, centerPublicKeys: keys } };
}

/**
 * Tickets printed beside an embedded center point their QR at its phone page (/t/<id>), so a
 * phone that reaches the center opens the ticket's status; a URL set in the config is kept.
 */
export function pointTicketsAtEmbeddedCenter(config: RobotConfig, centerUrl: string): RobotConfig {
  if (config.ticketStatusUrl !== PLACEHOLDER_TICKET_STATUS_URL) return config;
  return { ...config, ticketStatusUrl: `${centerUrl}/t/{id}` };
}
