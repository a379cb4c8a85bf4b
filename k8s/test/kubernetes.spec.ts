import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment, IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap, IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { IService, Service } from 'kubernetes-models/v1/Service';
import { baseDir, field, isMap, readYaml, readYamlDocuments, SERVICES, Yaml } from './support';

const NAMESPACE = 'civicflow';
const SECRET_NAME = 'civicflow-secrets';
const CONFIG_NAME = 'civicflow-config';
const SECRET_KEYS = ['DATABASE_URL', 'REDIS_URL', 'AUTH_JWT_SECRET', 'SMTP_URL'];

const kindOf = (object: Yaml) => `${String(object.apiVersion)}/${String(object.kind)}`;
const nameOf = (object: Yaml) => String(field(object, 'metadata.name'));

type Model = new (data: never) => { validate(): void };

// Only kinds listed here may appear in the base: a new kind needs its model added.
const MODELS: Record<string, Model> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
};

function validate(object: Yaml): void {
  const model = MODELS[kindOf(object)];
  if (!model) throw new Error(`no schema for ${kindOf(object)}`);
  new model(object as never).validate();
}

interface Manifest {
  file: string;
  object: Yaml;
}

const kustomization = readYaml('k8s/base/kustomization.yaml');
const resourceFiles = (kustomization.resources ?? []) as string[];
// A missing file is reported by its own test below rather than failing the whole suite.
const manifests: Manifest[] = resourceFiles
  .filter((file) => existsSync(join(baseDir, file)))
  .flatMap((file) => readYamlDocuments(`k8s/base/${file}`).map((object) => ({ file, object })));

function find<T>(apiVersionKind: string, name: string): T {
  const found = manifests.filter(({ object }) => kindOf(object) === apiVersionKind && nameOf(object) === name);
  if (found.length !== 1) throw new Error(`expected one ${apiVersionKind} named ${name}, found ${found.length}`);
  return found[0].object as T;
}

function mainContainer(deployment: IDeployment, name: string): IContainer {
  const container = deployment.spec?.template.spec?.containers.find((candidate) => candidate.name === name);
  if (!container) throw new Error(`Deployment ${name} has no container named ${name}`);
  return container;
}

/** A probe or Service may name its port; this is the number it ends up on. */
function portNumber(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

const configMap = find<IConfigMap>('v1/ConfigMap', CONFIG_NAME);
const shutdownGraceSeconds = Number(configMap.data?.SHUTDOWN_GRACE_MS) / 1000;

describe('the kustomization of k8s/base', () => {
  it('deploys into the civicflow namespace and ships that namespace', () => {
    expect(kustomization.namespace).toBe(NAMESPACE);
    expect(find<Yaml>('v1/Namespace', NAMESPACE)).toBeDefined();
  });

  it('labels every object and pod as part of civicflow without touching selectors', () => {
    expect(kustomization.commonLabels).toBeUndefined();
    const labels = (kustomization.labels ?? []) as Yaml[];
    const entry = labels.find((candidate) => isMap(candidate.pairs) && candidate.pairs['app.kubernetes.io/part-of'] === 'civicflow');
    expect(entry).toMatchObject({ includeTemplates: true });
    expect(entry?.includeSelectors).not.toBe(true);
  });

  it('lists only files that exist', () => {
    expect(resourceFiles.length).toBeGreaterThan(0);
    const missing = resourceFiles.filter((file) => !existsSync(join(baseDir, file)));
    expect(missing).toEqual([]);
  });

  it('lists every manifest in the folder, so none is silently left out of a deploy', () => {
    const onDisk = readdirSync(baseDir).filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml');
    expect([...onDisk].sort()).toEqual([...resourceFiles].sort());
  });
});

describe('every manifest of the base', () => {
  it.each(manifests.map(({ file, object }) => [`${file}: ${kindOf(object)} ${nameOf(object)}`, object] as const))(
    '%s is valid against the Kubernetes schema',
    (_label, object) => {
      expect(() => validate(object)).not.toThrow();
    },
  );

  it('the schema check rejects a Deployment that lacks a selector', () => {
    const broken = structuredClone(find<Yaml>('apps/v1/Deployment', 'complaints'));
    delete (broken.spec as Yaml).selector;
    expect(() => validate(broken)).toThrow(/selector/);
  });

  it('names each object once per kind', () => {
    const keys = manifests.map(({ object }) => `${kindOf(object)} ${nameOf(object)}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('names no namespace other than civicflow', () => {
    const elsewhere = manifests.filter(({ object }) => {
      const namespace = field(object, 'metadata.namespace');
      return namespace !== undefined && namespace !== NAMESPACE;
    });
    expect(elsewhere).toEqual([]);
  });

  it('commits no Secret: operators supply civicflow-secrets', () => {
    expect(manifests.filter(({ object }) => object.kind === 'Secret')).toEqual([]);
  });

  it('keeps secret values out of the ConfigMap', () => {
    expect(Object.keys(configMap.data ?? {}).filter((key) => SECRET_KEYS.includes(key))).toEqual([]);
  });

  it('configures the deployed transport and a shutdown grace period', () => {
    expect(configMap.data?.MESSAGING_TRANSPORT).toBe('kafka');
    expect(shutdownGraceSeconds).toBeGreaterThan(0);
  });
});

describe.each(SERVICES)('the $name service', ({ name, port }) => {
  let deployment: IDeployment;
  let service: IService;
  let pod: IPodTemplateSpec;
  let container: IContainer;

  // Looked up per test so that a missing object fails each test with its own message.
  beforeEach(() => {
    deployment = find<IDeployment>('apps/v1/Deployment', name);
    service = find<IService>('v1/Service', name);
    pod = deployment.spec?.template ?? {};
    container = mainContainer(deployment, name);
  });

  it('selects its own pods by app.kubernetes.io/name, in the Deployment and in the Service', () => {
    const podLabels = pod.metadata?.labels ?? {};
    expect(podLabels['app.kubernetes.io/name']).toBe(name);
    expect(deployment.spec?.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
    expect(podLabels).toMatchObject(deployment.spec?.selector.matchLabels ?? { missing: 'selector' });
    expect(service.spec?.selector).toBeDefined();
    expect(podLabels).toMatchObject(service.spec?.selector ?? {});
  });

  it(`listens on ${port}, and the Service forwards to that port`, () => {
    expect(container.ports?.map((candidate) => candidate.containerPort)).toContain(port);
    expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
    const servicePorts = service.spec?.ports ?? [];
    expect(servicePorts.length).toBeGreaterThan(0);
    for (const servicePort of servicePorts) {
      expect(portNumber(container, servicePort.targetPort ?? servicePort.port)).toBe(port);
    }
  });

  it(`runs the civicflow/${name} image with its own Kafka client id`, () => {
    expect(container.image).toMatch(new RegExp(`^civicflow/${name}(:|@|$)`));
    expect(container.env).toContainEqual({ name: 'KAFKA_CLIENT_ID', value: `civicflow-${name}` });
  });

  it('reads the shared ConfigMap and requires the operator-supplied Secret', () => {
    expect(container.envFrom).toContainEqual({ configMapRef: { name: CONFIG_NAME } });
    expect(container.envFrom).toContainEqual({ secretRef: { name: SECRET_NAME, optional: false } });
  });

  it('probes readiness at /health/ready and liveness and startup at /health/live on its port', () => {
    const probes = {
      readinessProbe: '/health/ready',
      livenessProbe: '/health/live',
      startupProbe: '/health/live',
    } as const;
    for (const [probe, path] of Object.entries(probes) as [keyof typeof probes, string][]) {
      const httpGet = container[probe]?.httpGet;
      expect({ probe, path: httpGet?.path, port: portNumber(container, httpGet?.port) }).toEqual({ probe, path, port });
    }
  });

  it('requests CPU and memory and caps memory', () => {
    expect(container.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources?.limits?.memory).toEqual(expect.any(String));
  });

  it('gives the shutdown more time than the preStop pause plus SHUTDOWN_GRACE_MS', () => {
    const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
    const preStopSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
    expect(pod.spec?.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + shutdownGraceSeconds);
  });

  it('runs as a non-root user on a read-only root with only /tmp writable', () => {
    const podSecurity = pod.spec?.securityContext;
    expect(podSecurity?.runAsNonRoot).toBe(true);
    // A user named only by name in the image cannot be verified as non-root by kubelet.
    expect(podSecurity?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(tmp).toBeDefined();
    expect(pod.spec?.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('is scraped by Prometheus at /metrics on its port', () => {
    expect(pod.metadata?.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(port),
      'prometheus.io/path': '/metrics',
    });
  });
});
