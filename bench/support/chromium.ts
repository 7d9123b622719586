/**
 * Debian's Chromium (CHROMIUM_PATH to use another), headless, as the bench and the browser tests
 * (test/web/support/web.ts) start it in a container: no sandbox, no GPU, no QUIC, and none of its
 * own background traffic (updates, sync) to weigh on what is measured or looked at.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
