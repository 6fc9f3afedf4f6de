// Sandboxed preload: bundled alone, may require only 'electron'. Puts window.lobbyRobot on the page.
import { contextBridge } from 'electron';
import { exposeBridge } from './bridge';

exposeBridge(contextBridge, process.argv, window.location.origin);
