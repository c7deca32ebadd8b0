/**
 * Writes the bundled demo network, data/cn-global-demo.json (or the path given),
 * one hub or leg per line. Deterministic: run it again and the file is the same.
 * Run with `npm run data:demo`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDemoNetwork } from './demo-network/build';

const target = resolve(process.argv[2] ?? 'data/cn-global-demo.json');
const doc = buildDemoNetwork();
const rows = (items: readonly object[]): string => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
const text = `{\n  "name": ${JSON.stringify(doc.name)},\n  "hubs": [\n${rows(doc.hubs)}\n  ],\n  "legs": [\n${rows(doc.legs)}\n  ]\n}\n`;
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, text);
console.log(`wrote ${target}: ${doc.hubs.length} hubs, ${doc.legs.length} legs`);
