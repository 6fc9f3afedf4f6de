/**
 * The touchscreen's API: the socket server with its handlers and the HTTP server for the UI's
 * files and /healthz, on 127.0.0.1 only. It is the last part made; once it listens it carries the
 * robot's UI events. A port it cannot take is a coded start-up failure naming host:port, after
 * which the server that tried it is closed like every part opened before.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { HealthReport } from '../../contract';
import type { Handlers } from '../api/dispatcher';
import { createHttpServer } from '../api/http-server';
import { createWsApi } from '../api/ws-api';
import type { RobotConfig } from '../config/schema';
import type { Logger } from '../log';
import { closeServer, listenOn } from '../startup-error';
import type { Teardown } from '../teardown';
import type { RobotEvents } from './robot-events';

export interface ApiDeps {
  config: RobotConfig;
  token: string;
  uiDir: string;
  handlers: Handlers;
  health: () => HealthReport;
  events: RobotEvents;
  log: Logger;
  opened: Teardown;
}

export interface ListeningApi {
  server: Server;
  port: number;
  url: string;
}

export async function openApi({ config, token, uiDir, handlers, health, events, log, opened }: ApiDeps): Promise<ListeningApi> {
  // the Origin check needs the port really taken (port 0 asks for any free one)
  let port = config.controller.port;
  const api = createWsApi({ token, port: () => port, handlers, log });
  const server = createHttpServer({ uiDir, health, wsApi: api, log });
  opened.add('api', () => (api.close(), closeServer(server)));
  await listenOn(server, config.controller.port, config.controller.host);
  port = (server.address() as AddressInfo).port;
  opened.add('ui events', events.connectUi(api));
  return { server, port, url: `http://127.0.0.1:${port}/` };
}
