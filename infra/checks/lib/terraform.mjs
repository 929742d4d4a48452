// Parses every *.tf file of infra/terraform with @cdktf/hcl2json (HCL → the JSON form of the
// configuration) and merges the files into one object: { resource: { type: { name: [body] } }, ... }.
// Expressions stay strings such as "${var.region}"; helpers below read them.
import { parse } from '@cdktf/hcl2json';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { terraformDir } from './paths.mjs';

export async function loadTerraform(dir = terraformDir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.tf')).sort();
  const merged = { files: {}, resource: {}, variable: {}, output: {}, locals: {}, module: {}, data: {}, terraform: [] };
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const json = await parse(file, text);
    merged.files[file] = text;
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      merged.resource[type] ??= {};
      for (const [name, bodies] of Object.entries(byName)) {
        if (merged.resource[type][name]) throw new Error(`resource ${type}.${name} declared twice`);
        merged.resource[type][name] = bodies[0];
      }
    }
    for (const kind of ['variable', 'output', 'module', 'data']) {
      for (const [name, bodies] of Object.entries(json[kind] ?? {})) {
        merged[kind][name] = Array.isArray(bodies) ? bodies[0] : bodies;
      }
    }
    for (const block of json.locals ?? []) Object.assign(merged.locals, block);
    merged.terraform.push(...(json.terraform ?? []));
  }
  return merged;
}

/** The one resource of a type and name, or an assertion-friendly error. */
export function resource(tf, type, name) {
  const r = tf.resource[type]?.[name];
  if (!r) throw new Error(`missing resource ${type}.${name}`);
  return r;
}

export function resourcesOfType(tf, type) {
  return Object.entries(tf.resource[type] ?? {});
}

/** First element of a nested block list ("scaling", "template", ...). */
export function block(body, name) {
  const b = body?.[name];
  return Array.isArray(b) ? b[0] : b;
}

export function blocks(body, name) {
  const b = body?.[name];
  if (b === undefined) return [];
  return Array.isArray(b) ? b : [b];
}

/** True when an expression string refers to the given address (e.g. "google_service_account.kong"). */
export function refersTo(expression, address) {
  return typeof expression === 'string' && new RegExp(`\\b${address.replace(/\./g, '\\.')}\\b`).test(expression);
}

/** The variables an expression string reads. */
export function variablesIn(text) {
  return [...String(text).matchAll(/\bvar\.([A-Za-z0-9_]+)/g)].map((m) => m[1]);
}

/** The default of a variable as a JS value ("${true}" style literals come back as strings from hcl2json). */
export function variableDefault(tf, name) {
  const v = tf.variable[name];
  if (!v) throw new Error(`missing variable ${name}`);
  return v.default;
}

/** Literal value, or the default of the single variable it reads ("${var.x}" → default of x). */
export function literalOrDefault(tf, value) {
  if (typeof value === 'string') {
    const m = value.match(/^\$\{var\.([A-Za-z0-9_]+)\}$/);
    if (m) return variableDefault(tf, m[1]);
  }
  return value;
}

/** The env entries of a container as a name → value map. */
export function envOf(container) {
  return Object.fromEntries(blocks(container, 'env').map((e) => [e.name, e.value]));
}

/**
 * The keys of the object literal passed to templatefile(<path ending with suffix>, { ... }) in
 * a locals expression string, e.g. "${templatefile(\"…/kong.yml\", { a = 1, b = 2 })}".
 */
export function templatefileKeys(expression, suffix) {
  const at = expression.indexOf('templatefile(');
  if (at < 0) return null;
  const pathMatch = expression.slice(at).match(/^templatefile\("([^"]+)"/);
  if (!pathMatch || !pathMatch[1].endsWith(suffix)) return null;
  // Walk the object literal, tracking brace depth, collecting keys at depth 1.
  const open = expression.indexOf('{', at + pathMatch[0].length);
  const keys = [];
  let depth = 0;
  let inString = false;
  for (let i = open; i < expression.length; i++) {
    const c = expression[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1) {
      const m = expression.slice(i).match(/^([A-Za-z_][A-Za-z0-9_]*)\s*=/);
      if (m && /[\s{,]/.test(expression[i - 1])) {
        keys.push(m[1]);
        i += m[0].length - 1;
      }
    }
  }
  return keys;
}

// ---- The two database variants (var.database = "sqlite" | "cloudsql") ----
// The configuration switches on var.database through a few expression shapes only; variant() reads
// those shapes for one value of var.database and gives back the resources as Terraform would create
// them: a resource whose count is 0 is gone, dynamic blocks switched by the variant are expanded
// into plain blocks, switched values are replaced by the chosen branch. Any other expression that
// reads the switch fails loudly, so a check never passes on a shape it cannot read.

const SWITCH = /\b(local\.sqlite|local\.cloudsql|var\.database)\b/;

/** One branch of a conditional: a number, a boolean, [] / [1] / ["x"], {}, or a var./local. reference. */
function branch(text) {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^\[.*\]$/.test(t) || t === '{}') return JSON.parse(t);
  if (/^"([^"\\$]|\\.)*"$/.test(t)) return JSON.parse(t);
  if (/^(var|local)\.[A-Za-z0-9_]+$/.test(t)) return `\${${t}}`;
  throw new Error(`variant: cannot read the branch ${text}`);
}

/** "A : B" → [A, B], the colon found outside strings and brackets. */
function splitBranches(text, expression) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === '?' && depth === 0) break;
    else if (c === ':' && depth === 0 && text[i - 1] === ' ' && text[i + 1] === ' ') {
      return [text.slice(0, i), text.slice(i + 1)];
    }
  }
  throw new Error(`variant: not a simple conditional: ${expression}`);
}

/** The value of a switched expression for one variant, or undefined when it does not read the switch. */
export function switched(tf, expression, database) {
  if (typeof expression !== 'string' || !SWITCH.test(expression)) return undefined;
  const conditional = expression.match(/^\$\{local\.(sqlite|cloudsql) \? (.*)\}$/s);
  if (conditional) {
    const [, on, rest] = conditional;
    const [yes, no] = splitBranches(rest, expression);
    return branch(on === database ? yes : no);
  }
  const byVariant = expression.match(/^\$\{local\.([A-Za-z0-9_]+)\[var\.database\]\}$/);
  if (byVariant) {
    const map = tf.locals[byVariant[1]];
    if (!map || !(database in map)) throw new Error(`variant: local.${byVariant[1]} has no entry ${database}`);
    return map[database];
  }
  throw new Error(`variant: unrecognised expression on the database switch: ${expression}`);
}

/** A dynamic block's content for one element: "${<label>.key}", "${<label>.value}" and "${<label>.value.<attr>}" filled in. */
function instantiate(content, label, key, value) {
  const fill = (node) => {
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    if (typeof node !== 'string') return node;
    if (node === `\${${label}.key}`) return key;
    if (node === `\${${label}.value}`) return value;
    const attr = node.match(new RegExp(`^\\$\\{${label}\\.value\\.([A-Za-z0-9_]+)\\}$`));
    if (attr) {
      if (!(attr[1] in value)) throw new Error(`variant: ${label}.value has no ${attr[1]}`);
      return value[attr[1]];
    }
    if (node.includes(`${label}.`)) throw new Error(`variant: cannot fill ${node}`);
    return node;
  };
  return fill(content);
}

function resolveBody(tf, body, database) {
  if (Array.isArray(body)) return body.map((b) => resolveBody(tf, b, database));
  if (typeof body === 'string') {
    const v = switched(tf, body, database);
    return v === undefined ? body : v;
  }
  if (body === null || typeof body !== 'object') return body;
  const out = {};
  for (const [k, v] of Object.entries(body)) {
    if (k !== 'dynamic') out[k] = resolveBody(tf, v, database);
  }
  const remaining = {};
  for (const [label, entries] of Object.entries(body.dynamic ?? {})) {
    for (const d of entries) {
      const items = switched(tf, d.for_each, database);
      if (items === undefined) {
        (remaining[label] ??= []).push(resolveBody(tf, d, database));
        continue;
      }
      const pairs = Array.isArray(items) ? items.map((v, i) => [i, v]) : Object.entries(items);
      const content = block(d, 'content');
      for (const [key, value] of pairs) {
        (out[label] ??= []).push(resolveBody(tf, instantiate(content, label, key, value), database));
      }
    }
  }
  if (Object.keys(remaining).length) out.dynamic = remaining;
  return out;
}

/** The configuration as created with var.database = database (default: the variable's default). */
export function variant(tf, database = variableDefault(tf, 'database')) {
  const resources = {};
  for (const [type, byName] of Object.entries(tf.resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const count = switched(tf, body.count, database);
      if (count === 0) continue;
      const { count: _count, ...rest } = body;
      (resources[type] ??= {})[name] = resolveBody(tf, count === undefined ? body : rest, database);
    }
  }
  return { ...tf, resource: resources, database };
}
