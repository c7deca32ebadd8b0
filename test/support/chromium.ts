/**
 * Browser tests drive Debian's Chromium (apt-get install chromium; .ci/run installs
 * it) through playwright-core. Without it they are skipped with one line saying so,
 * except in CI (CI set), where a missing browser fails the test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a headless run on a machine with no network but loopback: without the
 * background-networking ones Chromium calls Google's hosts at start.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` when Chromium is there or CI is set (where it must be); else `describe.skip`, with a line saying why. */
export function describeWithChromium(): jest.Describe {
  if (existsSync(CHROMIUM) || process.env.CI) return describe;
  console.warn(
    `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium); CI is not set, so this is not a failure`,
  );
  return describe.skip;
}

/**
 * A headless Chromium. Fails when it is missing. Playwright gives every launch a
 * fresh profile (--user-data-dir) of its own in a temporary folder, removed on close.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
