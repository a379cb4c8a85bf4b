import { composeDurationSeconds, field, healthCheckExitCode, isMap, readYaml, SERVICES, Yaml } from './support';

const compose = readYaml('docker-compose.yml');
const services = compose.services as Record<string, Yaml>;

const environmentOf = (name: string) => (services[name]?.environment ?? {}) as Record<string, unknown>;

/** `depends_on` in either of its forms (a list, or a map with conditions) as name → condition. */
function dependenciesOf(service: Yaml): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [String(name), 'service_started']));
  if (!isMap(dependsOn)) throw new Error(`depends_on is neither a list nor a map: ${JSON.stringify(dependsOn)}`);
  return Object.fromEntries(
    Object.entries(dependsOn).map(([name, spec]) => [name, String(field(spec, 'condition') ?? 'service_started')]),
  );
}

/** Container ports published by "host:container", "ip:host:container" or the long form. */
function publishedContainerPorts(service: Yaml): number[] {
  return ((service.ports ?? []) as unknown[]).map((entry) =>
    isMap(entry) ? Number(entry.target) : Number(String(entry).split(':').pop()?.split('/')[0]),
  );
}

/** The healthcheck command in exec form, as Docker would run it inside the container. */
function healthCheckCommand(service: Yaml): string[] {
  const test = field(service, 'healthcheck.test');
  if (!Array.isArray(test) || test[0] !== 'CMD') throw new Error(`expected an exec-form healthcheck, got ${JSON.stringify(test)}`);
  return test.slice(1).map(String);
}

describe('docker-compose.yml', () => {
  describe.each(SERVICES)('the $name service', ({ name, port }) => {
    const service = services[name] ?? {};
    const environment = environmentOf(name);

    it(`is built from the Dockerfile with SERVICE=${name}`, () => {
      expect(service.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', args: { SERVICE: name } });
      // Named like the Kubernetes images, and never pulled in place of the local build.
      expect(service.image).toBe(`civicflow/${name}:latest`);
      expect(service.pull_policy).toBe('build');
    });

    it(`listens on ${port} and publishes that port`, () => {
      expect(String(environment.PORT)).toBe(String(port));
      expect(publishedContainerPorts(service)).toContain(port);
    });

    it('talks to Kafka, PostgreSQL and Redis of this stack under its own client id', () => {
      expect(environment).toMatchObject({
        MESSAGING_TRANSPORT: 'kafka',
        KAFKA_CLIENT_ID: `civicflow-${name}`,
      });
      const database = new URL(String(environment.DATABASE_URL));
      expect(database.protocol).toBe('postgres:');
      expect(database.hostname in services).toBe(true);
      expect(database.pathname).toBe(`/${String(environmentOf(database.hostname).POSTGRES_DB)}`);
      const redis = new URL(String(environment.REDIS_URL));
      expect(redis.protocol).toBe('redis:');
      expect(redis.hostname in services).toBe(true);
      const advertised = String(environmentOf('kafka').KAFKA_ADVERTISED_LISTENERS).split(',');
      for (const broker of String(environment.KAFKA_BROKERS).split(',')) {
        expect(advertised).toContain(`PLAINTEXT://${broker}`);
      }
    });

    it('waits for healthy PostgreSQL, Redis and Kafka and for the topics to exist', () => {
      expect(dependenciesOf(service)).toMatchObject({
        postgres: 'service_healthy',
        redis: 'service_healthy',
        kafka: 'service_healthy',
        topics: 'service_completed_successfully',
      });
    });

    it('is stopped no sooner than its shutdown grace period allows', () => {
      const graceSeconds = Number(environment.SHUTDOWN_GRACE_MS) / 1000;
      expect(graceSeconds).toBeGreaterThan(0);
      expect(composeDurationSeconds(String(service.stop_grace_period))).toBeGreaterThan(graceSeconds);
    });

    it('reports healthy only while /health/ready answers OK on its PORT', async () => {
      const command = healthCheckCommand(service);
      expect(await healthCheckExitCode(command, { path: '/health/ready', status: 200 })).toBe(0);
      expect(await healthCheckExitCode(command, { path: '/health/ready', status: 503 })).not.toBe(0);
      expect(await healthCheckExitCode(command, { path: '/health/live', status: 200 })).not.toBe(0);
      expect(await healthCheckExitCode(command, 'nothing listening')).not.toBe(0);
    });
  });

  it('runs Kafka as a single KRaft node that never creates topics by itself', () => {
    const kafka = services.kafka;
    expect(kafka.image).toBe('apache/kafka:4.1.1');
    const environment = environmentOf('kafka');
    expect(String(environment.KAFKA_PROCESS_ROLES).split(',').sort()).toEqual(['broker', 'controller']);
    expect(String(environment.KAFKA_CONTROLLER_QUORUM_VOTERS)).toBe(`${String(environment.KAFKA_NODE_ID)}@kafka:9093`);
    // Quoted in the file: an unquoted false would reach the broker as a YAML boolean.
    expect(environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    for (const key of [
      'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
      'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
      'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR',
    ]) {
      expect({ key, value: String(environment[key]) }).toEqual({ key, value: '1' });
    }
  });

  it('provisions the topics once, from the same image, before any service starts', () => {
    const topics = services.topics;
    expect(topics.restart).toBe('no');
    expect(topics.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
    expect(topics.command).toEqual(expect.arrayContaining([expect.stringMatching(/provision-topics\.cli\.ts$/)]));
    expect(environmentOf('topics').KAFKA_BROKERS).toBe(environmentOf('complaints').KAFKA_BROKERS);
  });

  it('sends the notification service mail to the Mailpit SMTP port', () => {
    expect(environmentOf('notification').SMTP_URL).toBe('smtp://mailpit:1025');
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(dependenciesOf(services.notification).mailpit).toBe('service_healthy');
  });

  it('depends only on services that exist, and waits for health only where a health check is defined', () => {
    const problems = Object.entries(services).flatMap(([name, service]) =>
      Object.entries(dependenciesOf(service)).flatMap(([target, condition]) => {
        const dependency = services[target];
        if (!dependency) return [`${name} depends on missing ${target}`];
        const healthcheck = dependency.healthcheck;
        if (condition === 'service_healthy' && (!isMap(healthcheck) || healthcheck.disable === true)) {
          return [`${name} waits for ${target} to be healthy, but ${target} has no health check`];
        }
        if (condition === 'service_completed_successfully' && dependency.restart !== 'no') {
          return [`${name} waits for ${target} to complete, but ${target} restarts`];
        }
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('publishes no port twice on the host', () => {
    const hostPorts = Object.values(services).flatMap((service) =>
      ((service.ports ?? []) as unknown[]).map((entry) => (isMap(entry) ? String(entry.published) : String(entry).split(':').slice(0, -1).join(':'))),
    );
    expect(hostPorts.filter((port, index) => hostPorts.indexOf(port) !== index)).toEqual([]);
  });
});
