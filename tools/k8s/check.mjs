// Structural check of the Kubernetes manifests in infra/k8s (run by `npm run lint`, so in CI).
// No validator with the Kubernetes schemas vendored for offline use is among our dependencies, so
// this checks what a schema would not anyway: the references between the objects (selectors,
// ports, names), the probes, and that every setting is one the app reads (config.schema.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'infra', 'k8s');
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

const API_VERSIONS = {
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  Kustomization: 'kustomize.config.k8s.io/v1beta1',
};

const objects = [];
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()) {
  for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (document.errors.length) {
      fail(file, document.errors.map((error) => error.message).join('; '));
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const where = `${file} ${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
    if (!(object.kind in API_VERSIONS)) fail(where, `unexpected kind ${object.kind}`);
    else if (object.apiVersion !== API_VERSIONS[object.kind])
      fail(where, `apiVersion ${object.apiVersion}, expected ${API_VERSIONS[object.kind]}`);
    if (
      object.kind !== 'Kustomization' &&
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(object.metadata?.name ?? '')
    )
      fail(where, 'metadata.name missing or not a DNS label');
    objects.push({ file, where, object });
  }
}
const ofKind = (kind) => objects.filter(({ object }) => object.kind === kind);
const named = (kind, name) => ofKind(kind).find(({ object }) => object.metadata.name === name);
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

// The kustomization lists every manifest but the example Secret.
const [kustomization] = ofKind('Kustomization');
if (!kustomization) fail('kustomization.yaml', 'missing');
else {
  const listed = new Set(kustomization.object.resources ?? []);
  for (const file of new Set(objects.map(({ file }) => file))) {
    if (file === 'kustomization.yaml' || file === 'secret.example.yaml') continue;
    if (!listed.has(file)) fail('kustomization.yaml', `${file} is not in resources`);
  }
  for (const file of listed)
    if (!objects.some((entry) => entry.file === file)) fail('kustomization.yaml', `${file} does not exist`);
}

// Every ConfigMap and Secret key is a variable the app reads.
const schema = readFileSync(join(root, 'libs/platform/src/config/config.schema.ts'), 'utf8');
const known = new Set([...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]));
if (known.size < 20) fail('config.schema.ts', 'could not read the configuration variables');
for (const { where, object } of [...ofKind('ConfigMap'), ...ofKind('Secret')]) {
  for (const key of Object.keys({ ...object.data, ...object.stringData })) {
    if (!known.has(key)) fail(where, `${key} is not a configuration variable (config.schema.ts)`);
  }
}

function checkPod(where, spec, { probes }) {
  if (!spec?.containers?.length) return fail(where, 'no containers');
  if (spec.securityContext?.runAsNonRoot !== true) fail(where, 'pod must run as non-root');
  for (const container of spec.containers) {
    const at = `${where} container ${container.name}`;
    if (!container.image) fail(at, 'no image');
    if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory)
      fail(at, 'no cpu and memory requests');
    if (!container.resources?.limits?.memory) fail(at, 'no memory limit');
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef && !named('ConfigMap', source.configMapRef.name))
        fail(at, `ConfigMap ${source.configMapRef.name} is not defined`);
      if (source.secretRef && !named('Secret', source.secretRef.name))
        fail(at, `Secret ${source.secretRef.name} is not in secret.example.yaml`);
    }
    const ports = new Set((container.ports ?? []).flatMap((port) => [port.name, port.containerPort]));
    for (const [probe, path] of Object.entries(probes)) {
      const get = container[probe]?.httpGet;
      if (!get) fail(at, `no ${probe}`);
      else {
        if (get.path !== path) fail(at, `${probe} on ${get.path}, expected ${path}`);
        if (!ports.has(get.port)) fail(at, `${probe} port ${get.port} is not a container port`);
      }
    }
    for (const mount of container.volumeMounts ?? [])
      if (!(spec.volumes ?? []).some((volume) => volume.name === mount.name))
        fail(at, `volume ${mount.name} is not defined`);
  }
}

for (const { where, object } of ofKind('Deployment')) {
  const labels = object.spec?.template?.metadata?.labels;
  if (!matches(object.spec?.selector?.matchLabels, labels))
    fail(where, 'selector does not match its pod labels');
  const api = object.metadata.name === 'prossimo-api';
  checkPod(where, object.spec?.template?.spec, {
    probes: api ? { startupProbe: '/health', livenessProbe: '/health', readinessProbe: '/ready' } : {},
  });
}
for (const name of ['prossimo-api', 'prossimo-worker'])
  if (!named('Deployment', name)) fail('infra/k8s', `Deployment ${name} missing`);

for (const { where, object } of ofKind('Job')) {
  const spec = object.spec?.template?.spec;
  if (!['OnFailure', 'Never'].includes(spec?.restartPolicy))
    fail(where, 'restartPolicy must be OnFailure or Never');
  checkPod(where, spec, { probes: {} });
}
if (
  !ofKind('Job').some(({ object }) =>
    /migrate/.test(object.spec?.template?.spec?.containers?.[0]?.command?.join(' ')),
  )
)
  fail('infra/k8s', 'no migrations Job');

const podsOf = (selector) =>
  ofKind('Deployment').filter(({ object }) => matches(selector, object.spec.template.metadata.labels));
for (const { where, object } of ofKind('Service')) {
  const [target] = podsOf(object.spec?.selector);
  if (!target) fail(where, 'selects no Deployment');
  else {
    const ports = target.object.spec.template.spec.containers.flatMap((container) =>
      (container.ports ?? []).flatMap((port) => [port.name, port.containerPort]),
    );
    for (const port of object.spec.ports ?? [])
      if (!ports.includes(port.targetPort ?? port.port))
        fail(where, `targetPort ${port.targetPort} not on the pods`);
  }
}
for (const { where, object } of ofKind('HorizontalPodAutoscaler')) {
  const target = object.spec?.scaleTargetRef;
  if (target?.kind !== 'Deployment' || !named('Deployment', target.name))
    fail(where, 'scaleTargetRef is not a Deployment here');
  if (!(object.spec.minReplicas >= 1 && object.spec.maxReplicas >= object.spec.minReplicas))
    fail(where, 'bad replica bounds');
}
if (
  !ofKind('HorizontalPodAutoscaler').some(
    ({ object }) => object.spec?.scaleTargetRef?.name === 'prossimo-api',
  )
)
  fail('infra/k8s', 'no autoscaler for the api');
for (const { where, object } of ofKind('PodDisruptionBudget')) {
  if (podsOf(object.spec?.selector?.matchLabels).length !== 1) fail(where, 'selects no single Deployment');
  if ((object.spec.minAvailable === undefined) === (object.spec.maxUnavailable === undefined))
    fail(where, 'needs exactly one of minAvailable and maxUnavailable');
}

if (problems.length) {
  console.error(`infra/k8s: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`infra/k8s: ${objects.length} objects checked`);
