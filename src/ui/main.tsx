import { render } from 'preact';
import { ApiClient } from './api-client';
import { App } from './app';
import { readBridge } from './bridge';
import { createI18n } from './i18n';

async function boot(): Promise<void> {
  const { wsUrl, token } = readBridge(window);
  const i18n = await createI18n();
  const api = new ApiClient(wsUrl, token);
  render(<App api={api} i18n={i18n} />, document.getElementById('app')!);
}

void boot();
