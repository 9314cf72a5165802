#!/usr/bin/env node
// The communes restored after 2018 that no source of build_communes.js places: Celles,
// Chalinargues, Chavagnac and Sainte-Anastasie (Cantal, out of Neussargues en Pinatelle on
// 1 January 2025) and L'Oie (Vendée, out of Essarts-en-Bocage on 1 January 2024). Neither
// GeoNames package holds a point for them and the 2018 IGN outlines predate them, so their
// coordinates come from a small cited table, restored_communes.csv (insee,name,lat,lon,
// source_url): the coordinates of each commune's French Wikipedia infobox (text under
// CC BY-SA 4.0), converted from degrees, minutes and seconds to decimal degrees (5 decimals).
//
// build_communes.js applies the table after the GeoNames and IGN steps, to a commune that got
// no point from them. Run alone, this file applies the same table to an existing communes.csv
// (no npm needed):
//
//   node scripts/national_table/restored_communes.js [COMMUNES_CSV]
//        (default: scenarios/data/france/communes.csv; rewritten atomically)
//
// Only rows with empty lat and lon whose code and name match a row of the table change. A
// table row that matches no such commune is reported on standard error.
'use strict';

const fs = require('fs');
const path = require('path');

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes). Returns arrays of strings. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r') { i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function csvField(s) {
  s = String(s);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const defaultTable = path.join(__dirname, 'restored_communes.csv');

/** INSEE code -> {name, lat, lon, source}: the override table. Throws on a malformed row. */
function readRestored(file = defaultTable) {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows.shift();
  const want = ['insee', 'name', 'lat', 'lon', 'source_url'];
  if (!header || want.some((n, k) => header[k] !== n))
    throw new Error(`${file}: the header must be ${want.join(',')}`);
  const table = new Map();
  rows.forEach((r, k) => {
    if (r.length === 1 && r[0] === '') return;
    const lat = Number(r[2]), lon = Number(r[3]);
    if (r.length !== 5 || !/^[0-9AB]{5}$/.test(r[0]) || !(Math.abs(lat) <= 90) ||
        !(Math.abs(lon) <= 180) || !/^https:\/\//.test(r[4]))
      throw new Error(`${file}:${k + 2}: expected insee,name,lat,lon,source_url`);
    table.set(r[0], { name: r[1], lat, lon, source: r[4] });
  });
  return table;
}

/** The table's point for commune `code` named `name`, or null. */
function restoredPoint(table, code, name) {
  const p = table.get(code);
  return p && p.name === name ? { lat: p.lat, lon: p.lon } : null;
}

module.exports = { parseCsv, csvField, readRestored, restoredPoint };

if (require.main === module) {
  const root = path.join(__dirname, '..', '..');
  const file = process.argv[2] || path.join(root, 'scenarios', 'data', 'france', 'communes.csv');
  const table = readRestored();
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const header = parseCsv(lines[0] + '\n')[0];
  const [ci, cn, cla, clo] = ['insee', 'name', 'lat', 'lon'].map((n) => header.indexOf(n));
  if ([ci, cn, cla, clo].some((k) => k < 0)) {
    console.error(`${file}: expected the columns insee, name, lat, lon`);
    process.exit(2);
  }
  const used = new Set();
  for (let k = 1; k < lines.length; k++) {
    if (lines[k] === '') continue;
    const r = parseCsv(lines[k] + '\n')[0];
    if (r[cla] !== '' || r[clo] !== '') continue;
    const p = restoredPoint(table, r[ci], r[cn]);
    if (!p) continue;
    r[cla] = p.lat.toFixed(5);
    r[clo] = p.lon.toFixed(5);
    lines[k] = r.map(csvField).join(',');
    used.add(r[ci]);
  }
  for (const code of table.keys())
    if (!used.has(code))
      console.error(`${code} ${table.get(code).name}: no row without coordinates of that code ` +
                    'and name (already placed, or no longer a commune)');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp.${process.pid}`);
  fs.writeFileSync(tmp, lines.join('\n'));
  fs.renameSync(tmp, file);
  console.error(`${used.size} restored commune(s) placed in ${file}`);
}
