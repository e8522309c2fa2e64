#!/usr/bin/env node
// Validates rendered Kubernetes objects (multi-document YAML, e.g. `kubectl kustomize deploy/overlays/lab`)
// against API schemas, offline. Run by deploy/validate.sh; see deploy/README.md "Validation".
//
//   node validate-objects.mjs [--crds DIR] [--self-test] [NAME=]FILE...
//
// Each object is checked by apiVersion and kind:
//   - Kubernetes built-in kinds, twice:
//       1. strict structure against the Kubernetes 1.30 API: the JSON schema of the kind, generated from the
//          package kubernetes-types 1.30.0 (made from the OpenAPI spec of Kubernetes 1.30). Unknown fields fail
//          (the API server's strict field validation, kubectl's default), and so do missing required fields
//          and wrong types.
//       2. values against the kind's OpenAPI schema in kubernetes-models 4.5.1 (Kubernetes 1.33): integers, enums
//          (imagePullPolicy, protocol, ...), formats (quantity, int-or-string).
//   - Custom resources against the openAPIV3Schema of their CustomResourceDefinition, read from --crds DIR
//     (*.yaml), with unknown fields failing unless the schema preserves them; metadata against ObjectMeta
//     (Kubernetes 1.30). CEL rules (x-kubernetes-validations) are not evaluated.
//   - Kinds in KINDS_WITHOUT_SCHEMA below: metadata only, and the reason is printed.
//   - Any other kind fails.
// --self-test first validates test/valid.yaml (must pass) and test/invalid.yaml (every object must fail with
// the message of its annotation test.agent-availability.dev/expect), so that a validator that passes
// everything is caught. Exit status: 0 valid, 1 invalid, 2 could not run.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { createGenerator } from "ts-json-schema-generator";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const typesDir = join(here, "node_modules", "kubernetes-types");
const EXPECT = "test.agent-availability.dev/expect";
const MAX_ERRORS_PER_OBJECT = 8;

// Kinds that have no schema to be had here (Debian, npm and Maven Central only). Keep the reason current.
const CNPG =
  "CloudNativePG publishes its CRDs only on GitHub and in its Helm chart and operator image; no Debian, npm " +
  "or Maven Central package has them";
const PROMETHEUS_OPERATOR =
  "the Prometheus Operator publishes its CRDs on GitHub and in its Helm chart; no package here has them (the " +
  "rules' metric names are checked against the services by the lab's ObservabilityCatalogTest)";
const KINDS_WITHOUT_SCHEMA = {
  "postgresql.cnpg.io/v1 Cluster": CNPG,
  "postgresql.cnpg.io/v1 Database": CNPG,
  "monitoring.coreos.com/v1 PrometheusRule": PROMETHEUS_OPERATOR,
};

function packageVersion(name) {
  return JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8")).version;
}
const K8S_TYPES = `kubernetes-types ${packageVersion("kubernetes-types")}`;
const K8S_MODELS = `kubernetes-models ${packageVersion("kubernetes-models")}`;
const K8S_API = `Kubernetes ${packageVersion("kubernetes-types").replace(/\.\d+$/, "")} API`;

// ---------------------------------------------------------------------------------------------- input

/** Objects of a multi-document YAML file, with YAML 1.1 scalars as the API server's decoder reads them. */
function readObjects(file) {
  const objects = [];
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1", uniqueKeys: true });
  for (const [index, doc] of (Array.isArray(docs) ? docs : [docs]).entries()) {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: document ${index + 1}: ${doc.errors.map((e) => e.message).join("; ")}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    objects.push(value);
  }
  return objects;
}

/** The API server decodes null as "not set". */
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === "object") {
    const set = Object.entries(value).filter(([, v]) => v !== null);
    return Object.fromEntries(set.map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

function splitApiVersion(apiVersion) {
  const slash = apiVersion.lastIndexOf("/");
  if (slash < 0) return { group: "", version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function describe(object) {
  const meta = object && typeof object.metadata === "object" && object.metadata ? object.metadata : {};
  const ns = meta.namespace ? `${meta.namespace}/` : "";
  return `${object?.kind ?? "(no kind)"} ${ns}${meta.name ?? "(no name)"}`;
}

// ------------------------------------------------------------------------- Kubernetes built-in kinds

/** "apps/v1 Deployment" -> { file, type } for every top-level kind that kubernetes-types declares. */
function indexBuiltInKinds() {
  const kinds = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".d.ts")) {
        const text = readFileSync(path, "utf8");
        const re = /^export interface (\w+) \{\n([\s\S]*?)^\}/gm;
        for (let m; (m = re.exec(text)) !== null; ) {
          const apiVersion = /^ {4}apiVersion\?: "([^"]+)";$/m.exec(m[2]);
          const kind = /^ {4}kind\?: "([^"]+)";$/m.exec(m[2]);
          if (apiVersion && kind) kinds.set(`${apiVersion[1]} ${kind[1]}`, { file: path.slice(0, -5), type: m[1] });
        }
      }
    }
  };
  walk(typesDir);
  if (!kinds.has("apps/v1 Deployment") || !kinds.has("v1 Service")) {
    throw new Error(`${typesDir}: no Deployment or Service found; is kubernetes-types installed (npm ci)?`);
  }
  return kinds;
}

/** JSON schemas (ts-json-schema-generator: unknown properties fail) of the wanted built-in kinds and ObjectMeta. */
function generateBuiltInSchemas(wanted, builtIn) {
  const entries = [...wanted].map((key) => ({ key, alias: `K${key.replace(/\W/g, "_")}`, ...builtIn.get(key) }));
  entries.push({ key: "ObjectMeta", alias: "KObjectMeta", file: join(typesDir, "meta", "v1"), type: "ObjectMeta" });
  const dir = mkdtempSync(join(tmpdir(), "k8s-schema-"));
  try {
    const entry = join(dir, "entry.ts");
    const lines = entries.map(
      ({ alias, file, type }) =>
        `import type { ${type} as ${alias}_ } from ${JSON.stringify(file)};\nexport type ${alias} = ${alias}_;\n`,
    );
    writeFileSync(entry, lines.join(""));
    const generator = createGenerator({
      path: entry,
      type: "*",
      skipTypeCheck: true,
      jsDoc: "none",
      topRef: true,
      additionalProperties: false,
    });
    const schemas = new Map();
    for (const { key, alias } of entries) {
      const schema = generator.createSchema(alias);
      // Empty interfaces of kubernetes-types stand for free-form JSON in the API.
      for (const free of ["RawExtension", "FieldsV1", "JSON", "Patch"]) {
        if (schema.definitions?.[free]) schema.definitions[free] = {};
      }
      delete schema.$schema;
      schemas.set(key, schema);
    }
    return schemas;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------- custom resources

/** A CRD's openAPIV3Schema as a JSON schema for Ajv, with the API server's pruning made strict. */
function crdSchemaToJsonSchema(s) {
  if (Array.isArray(s)) return s.map(crdSchemaToJsonSchema);
  if (!s || typeof s !== "object") return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith("x-kubernetes-") || ["description", "nullable", "example", "externalDocs"].includes(k)) continue;
    if (k === "properties" || k === "patternProperties") {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, p]) => [name, crdSchemaToJsonSchema(p)]));
    } else if ((k === "items" || k === "additionalProperties" || k === "not") && v && typeof v === "object") {
      out[k] = crdSchemaToJsonSchema(v);
    } else if (k === "allOf" || k === "anyOf" || k === "oneOf") {
      out[k] = v.map(crdSchemaToJsonSchema);
    } else {
      out[k] = v;
    }
  }
  if (s["x-kubernetes-int-or-string"]) out.type = ["integer", "string"];
  if (s.nullable && out.type) out.type = [...new Set([].concat(out.type, "null"))];
  // A structural schema drops fields it does not declare; strict field validation rejects them.
  if (out.type === "object" && !s["x-kubernetes-preserve-unknown-fields"] && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

function readCrds(dir) {
  const crds = new Map();
  if (!dir) return { crds, source: "" };
  const sourceFile = join(dir, "SOURCE");
  const source = existsSync(sourceFile) ? readFileSync(sourceFile, "utf8").trim() : dir;
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    for (const crd of readObjects(join(dir, name))) {
      if (crd.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions ?? []) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        crds.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, { name: crd.metadata.name, schema });
      }
    }
  }
  if (crds.size === 0) throw new Error(`${dir}: no CustomResourceDefinition with a schema`);
  return { crds, source };
}

function withObjectMeta(schema, objectMeta) {
  return {
    ...schema,
    properties: { ...schema.properties, metadata: { $ref: "#/definitions/ObjectMeta" } },
    definitions: { ...schema.definitions, ...objectMeta.definitions, ObjectMeta: objectMeta.definitions.ObjectMeta },
  };
}

// ---------------------------------------------------------------------------------------- validator

function newAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  const integer = (bits) => ({
    type: "number",
    validate: (n) => Number.isInteger(n) && n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1),
  });
  ajv.addFormat("int32", integer(32));
  ajv.addFormat("int64", integer(64));
  for (const name of ["float", "double"]) ajv.addFormat(name, { type: "number", validate: () => true });
  // Formats that the API server checks loosely or not at all: accepted here.
  for (const name of ["byte", "date", "date-time", "duration", "password", "uri", "hostname", "ipv4", "ipv6"]) {
    ajv.addFormat(name, true);
  }
  return ajv;
}

function formatAjvErrors(errors) {
  const lines = [];
  for (const e of errors ?? []) {
    const at = e.instancePath || "/";
    if (e.keyword === "additionalProperties") lines.push(`${at}: unknown field "${e.params.additionalProperty}"`);
    else if (e.keyword === "required") lines.push(`${at}: missing required field "${e.params.missingProperty}"`);
    else if (e.keyword === "enum") lines.push(`${at}: ${e.message} (${e.params.allowedValues.join(", ")})`);
    else if (e.keyword === "const") lines.push(`${at}: must be ${JSON.stringify(e.params.allowedValue)}`);
    // The errors of the branches say more than "must match a schema in anyOf".
    else if (e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if") continue;
    else lines.push(`${at}: ${e.message}`);
  }
  return [...new Set(lines)];
}

class Validator {
  constructor(builtIn, builtInSchemas, crds) {
    this.builtIn = builtIn;
    this.builtInSchemas = builtInSchemas;
    this.crds = crds;
    this.ajv = newAjv();
    this.compiled = new Map();
  }

  compile(key, schemaFactory) {
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile(schemaFactory()));
    return this.compiled.get(key);
  }

  /** { errors: [string], via: string } for one object. */
  async validate(raw) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { errors: ["not a mapping"], via: "-" };
    const object = withoutNulls(raw);
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      return { errors: ["apiVersion and kind must be strings"], via: "-" };
    }
    const key = `${object.apiVersion} ${object.kind}`;
    const objectMeta = this.builtInSchemas.get("ObjectMeta");

    if (this.builtIn.has(key)) {
      const strict = this.compile(`types:${key}`, () => this.builtInSchemas.get(key));
      const errors = strict(object) ? [] : formatAjvErrors(strict.errors).map((e) => `${e} (${K8S_API})`);
      const Model = await loadModel(object.apiVersion, object.kind);
      if (!Model) {
        errors.push(`${K8S_MODELS} has no model of ${key}`);
      } else {
        try {
          new Model(object).validate();
        } catch (e) {
          // Ajv's text: "data/spec/replicas must be integer, data/spec/... ...".
          const lines = String(e.message).split(/,\s*(?=data\/|data )/);
          errors.push(...lines.map((l) => `${l.trim().replace(/^data/, "") || "/"} (${K8S_MODELS})`));
        }
      }
      return { errors, via: "Kubernetes" };
    }

    const { group, version } = splitApiVersion(object.apiVersion);
    const crd = this.crds.crds.get(`${group}/${version} ${object.kind}`);
    if (crd) {
      const validate = this.compile(`crd:${key}`, () => withObjectMeta(crdSchemaToJsonSchema(crd.schema), objectMeta));
      const errors = validate(object) ? [] : formatAjvErrors(validate.errors).map((e) => `${e} (CRD ${crd.name})`);
      return { errors, via: "CRD" };
    }

    if (KINDS_WITHOUT_SCHEMA[key]) {
      const validate = this.compile(`meta:${key}`, () =>
        withObjectMeta(
          {
            type: "object",
            required: ["apiVersion", "kind", "metadata"],
            properties: {
              apiVersion: { type: "string" },
              kind: { type: "string" },
              spec: { type: "object" },
              status: {},
            },
            additionalProperties: false,
          },
          objectMeta,
        ),
      );
      const errors = validate(object) ? [] : formatAjvErrors(validate.errors);
      return { errors: errors.map((e) => `${e} (ObjectMeta, ${K8S_API})`), via: "metadata only" };
    }

    return {
      errors: [
        `no schema for ${key}: not a kind of the ${K8S_API}, ` +
          `not in the CRDs of ${this.crds.source || "(no --crds)"}, ` +
          `and not listed in KINDS_WITHOUT_SCHEMA of ${relative(process.cwd(), fileURLToPath(import.meta.url))}`,
      ],
      via: "-",
    };
  }
}

// --------------------------------------------------------------------------------------------- main

function usage(message) {
  console.error(`validate-objects: ${message}`);
  console.error("usage: node validate-objects.mjs [--crds DIR] [--self-test] [NAME=]FILE...");
  process.exit(2);
}

async function selfTest(validator) {
  const problems = [];
  const valid = readObjects(join(here, "test", "valid.yaml"));
  for (const object of valid) {
    const { errors } = await validator.validate(object);
    if (errors.length > 0) problems.push(`test/valid.yaml: ${describe(object)} was rejected: ${errors.join("; ")}`);
  }
  const invalid = readObjects(join(here, "test", "invalid.yaml"));
  for (const object of invalid) {
    const expect = object?.metadata?.annotations?.[EXPECT];
    if (!expect) {
      problems.push(`test/invalid.yaml: ${describe(object)} has no annotation ${EXPECT}`);
      continue;
    }
    const { errors } = await validator.validate(object);
    if (!errors.some((e) => e.includes(expect))) {
      problems.push(
        `test/invalid.yaml: ${describe(object)} should fail with "${expect}" but ` +
          (errors.length === 0 ? "passed" : `failed with: ${errors.join("; ")}`),
      );
    }
  }
  if (valid.length < 5 || invalid.length < 5) {
    problems.push("test/valid.yaml and test/invalid.yaml must hold at least 5 objects each");
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`FAIL self-test: ${p}`);
    console.error("the schema validator itself is broken: its verdicts cannot be trusted");
    return false;
  }
  console.log(`self-test: ${valid.length} valid objects pass, ${invalid.length} invalid objects fail as expected`);
  return true;
}

async function main() {
  const args = process.argv.slice(2);
  let crdDir;
  let runSelfTest = false;
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--crds") crdDir = args[++i] ?? usage("--crds needs a directory");
    else if (args[i] === "--self-test") runSelfTest = true;
    else if (args[i].startsWith("-")) usage(`unknown option ${args[i]}`);
    else {
      const eq = args[i].indexOf("=");
      if (eq > 0) inputs.push({ name: args[i].slice(0, eq), file: args[i].slice(eq + 1) });
      else inputs.push({ name: args[i], file: args[i] });
    }
  }
  if (!runSelfTest && inputs.length === 0) usage("nothing to validate");

  const files = inputs.map((input) => ({ ...input, objects: readObjects(input.file) }));
  const testFiles = runSelfTest ? ["valid.yaml", "invalid.yaml"].map((n) => readObjects(join(here, "test", n))) : [];
  const builtIn = indexBuiltInKinds();
  const wanted = new Set();
  for (const object of [...files.flatMap((f) => f.objects), ...testFiles.flat()]) {
    const key = `${object?.apiVersion} ${object?.kind}`;
    if (builtIn.has(key)) wanted.add(key);
  }
  const validator = new Validator(builtIn, generateBuiltInSchemas(wanted, builtIn), readCrds(crdDir));

  console.log(
    `schemas: ${K8S_API} from ${K8S_TYPES} (strict: unknown fields fail) and ${K8S_MODELS} (values); ` +
      `custom resources: ${validator.crds.source || "none (no --crds)"}`,
  );
  if (runSelfTest && !(await selfTest(validator))) return 1;

  let failed = 0;
  const withoutSchema = new Set();
  for (const { name, objects } of files) {
    const counts = new Map();
    let bad = 0;
    for (const object of objects) {
      const { errors, via } = await validator.validate(object);
      counts.set(via, (counts.get(via) ?? 0) + 1);
      if (via === "metadata only") withoutSchema.add(`${object.apiVersion} ${object.kind}`);
      if (errors.length > 0) {
        bad++;
        console.error(`FAIL ${name}: ${describe(object)}:`);
        for (const e of errors.slice(0, MAX_ERRORS_PER_OBJECT)) console.error(`    ${e}`);
        if (errors.length > MAX_ERRORS_PER_OBJECT) {
          console.error(`    ... ${errors.length - MAX_ERRORS_PER_OBJECT} more`);
        }
      }
    }
    if (objects.length === 0) {
      console.error(`FAIL ${name}: no objects`);
      bad++;
    }
    const summary = [...counts].filter(([via]) => via !== "-").map(([via, n]) => `${n} ${via}`);
    console.log(`${name}: ${objects.length - bad} of ${objects.length} objects valid (${summary.join(", ")})`);
    if (bad > 0) failed++;
  }
  for (const key of withoutSchema) {
    console.log(`not validated beyond metadata: ${key}: ${KINDS_WITHOUT_SCHEMA[key]}`);
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`validate-objects: ${e.stack ?? e}`);
    process.exit(2);
  },
);
