// Offline lint of infra/docker: base images pinned, a non-root user in the final stage, exec-form
// entrypoints, the JVM and native specifics; plus the Litestream config they ship.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { load as loadYaml } from 'js-yaml';
import { dockerDir, litestreamFile, repoRoot } from '../lib/paths.mjs';
import { loadTerraform, variant } from '../lib/terraform.mjs';

let dockerfiles;
before(async () => {
  const names = (await readdir(dockerDir)).filter((f) => f.endsWith('.Dockerfile') || f === 'Dockerfile');
  dockerfiles = await Promise.all(names.map(async (name) => {
    const text = await readFile(path.join(dockerDir, name), 'utf8');
    return { name, text, ast: DockerfileParser.parse(text) };
  }));
});

/** The stages: FROM image, stage name, and the instructions that follow it. */
function stages(ast) {
  const out = [];
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue()).filter((a) => !a.startsWith('--platform'));
      out.push({ image: args[0], name: args[2]?.toLowerCase() ?? null, instructions: [] });
    } else if (out.length) {
      out.at(-1).instructions.push(instruction);
    }
  }
  return out;
}

const PINNED = /^[a-z0-9.\-/]+(:[\w.\-]+)?(@sha256:[0-9a-f]{64})?$/;

test('the images exist: the backend on the JVM and native, and the scheduled jobs\' image', () => {
  assert.deepEqual(dockerfiles.map((d) => d.name).sort(), ['jvm.Dockerfile', 'native.Dockerfile', 'ops.Dockerfile']);
});

test('ops image: sqlite3, Litestream and the backup and JWKS scripts, with the backend\'s Litestream settings', () => {
  const { text } = dockerfiles.find((d) => d.name === 'ops.Dockerfile');
  assert.match(text, /apk add --no-cache sqlite/);
  assert.match(text, /COPY infra\/backup\/ \/opt\/todo\/backup\//);
  assert.match(text, /COPY infra\/jwks\/ \/opt\/todo\/jwks\//);
  assert.match(text, /ENTRYPOINT \["\/opt\/todo\/backup\/backup\.sh"\]/);
});

test('every base image is pinned to an exact version or a digest (earlier stages excepted)', () => {
  for (const { name, ast } of dockerfiles) {
    const seen = new Set();
    for (const stage of stages(ast)) {
      if (!seen.has(stage.image.toLowerCase())) {
        assert.match(stage.image, PINNED, `${name}: ${stage.image} is a plain image reference`);
        const hasDigest = stage.image.includes('@sha256:');
        const tag = stage.image.split('@')[0].split('/').pop().split(':')[1];
        assert.ok(hasDigest || (tag && /\d+\.\d+/.test(tag)), `${name}: ${stage.image} has an exact version tag or a digest`);
        assert.ok(!/:latest\b/.test(stage.image), `${name}: ${stage.image} is not :latest`);
      }
      if (stage.name) seen.add(stage.name);
    }
  }
});

test('the final stage runs as a non-root user, with an exec-form entrypoint', () => {
  for (const { name, ast } of dockerfiles) {
    const final = stages(ast).at(-1);
    const users = final.instructions.filter((i) => i.getKeyword() === 'USER');
    assert.ok(users.length > 0, `${name}: the final stage sets USER`);
    const user = users.at(-1).getArguments()[0].getValue().split(':')[0];
    assert.ok(!['root', '0'].includes(user), `${name}: USER ${user} is not root`);
    const entry = final.instructions.filter((i) => i.getKeyword() === 'ENTRYPOINT').at(-1);
    assert.ok(entry, `${name}: ENTRYPOINT set`);
    assert.match(entry.getRawArgumentsContent?.() ?? entry.getTextContent(), /\[/, `${name}: exec form (signals reach the process)`);
  }
});

test('the runtime base images are small: JRE on Alpine, distroless for the native executable', () => {
  const finalImage = (file, ast) => {
    const all = stages(ast);
    const byName = new Map(all.filter((s) => s.name).map((s) => [s.name, s.image]));
    let image = all.at(-1).image;
    while (byName.has(image.toLowerCase())) image = byName.get(image.toLowerCase());
    return image;
  };
  const jvm = dockerfiles.find((d) => d.name === 'jvm.Dockerfile');
  assert.match(finalImage(jvm.name, jvm.ast), /jre-alpine/);
  const native = dockerfiles.find((d) => d.name === 'native.Dockerfile');
  assert.match(finalImage(native.name, native.ast), /^gcr\.io\/distroless\/base-/, 'glibc distroless (not static: sqlite-jdbc dlopens its library)');
});

test('JVM image: trains the AOT cache on the exact jar and runs with it and native access enabled', async () => {
  const { text } = dockerfiles.find((d) => d.name === 'jvm.Dockerfile');
  assert.match(text, /train-aot\.sh \/app\/todo\.jar \/app\/todo\.aot \/app\/jvm\.options/, 'trained with the runtime flags');
  assert.match(text, /-XX:AOTCache=\/app\/todo\.aot/);
  assert.match(text, /COPY bin\/jvm\.options \/app\/jvm\.options/);
  assert.match(text, /"@\/app\/jvm\.options"/, 'runs with the same flags file');
  const options = await readFile(path.join(repoRoot, 'bin', 'jvm.options'), 'utf8');
  assert.match(options, /^--enable-native-access=ALL-UNNAMED$/m, 'native access enabled (sqlite-jdbc)');
  assert.match(text, /"-jar", "\/app\/todo\.jar"/, 'runs the jar at the path it was trained on');
});

test('AOT training fails loudly: curl in the training stage, every request\'s status checked, no silent skips', async () => {
  const { ast } = dockerfiles.find((d) => d.name === 'jvm.Dockerfile');
  const train = stages(ast).find((st) => st.name === 'train');
  assert.ok(train.instructions.some((i) => i.getKeyword() === 'RUN' && /apk add --no-cache curl/.test(i.getTextContent())), 'curl is installed for the training');
  assert.ok(!stages(ast).at(-1).instructions.some((i) => /curl/.test(i.getTextContent())), 'the runtime image has no curl');
  const script = await readFile(path.join(dockerDir, 'train-aot.sh'), 'utf8');
  assert.match(script, /command -v curl >\/dev\/null 2>&1 \|\| \{ echo "train-aot: curl is required"/);
  assert.doesNotMatch(script, /wget/);
  const calls = [...script.matchAll(/^\s*fetch (\S+) (\S+) (\d{3})/gm)];
  assert.ok(calls.length >= 10, 'every training request names the status it expects');
  assert.equal(script.split('|| true').length - 1, 1, 'only the final wait tolerates a status (143 after SIGTERM)');
  assert.match(script, /\|\| true # the exit status after SIGTERM/);
});

test('delivery: Cloud Build builds both images, pushes them and deploys by digest, without Terraform', async () => {
  const build = loadYaml(await readFile(path.join(repoRoot, 'infra', 'cloudbuild.yaml'), 'utf8'));
  const byId = Object.fromEntries(build.steps.map((st) => [st.id, st]));
  assert.deepEqual(byId['backend-image'].args.slice(0, 3), ['build', '-f', 'infra/docker/jvm.Dockerfile']);
  assert.deepEqual(byId['ops-image'].args.slice(0, 3), ['build', '-f', 'infra/docker/ops.Dockerfile']);
  const push = byId.push.args.at(-1);
  assert.match(push, /RepoDigests/);
  assert.match(push, /@sha256:\[0-9a-f\]\{64\}\$\$'/, 'a push without a digest fails the build');
  assert.equal(build.options.dynamicSubstitutions, true, '_REPO expands _REGION and _PREFIX');
  for (const st of build.steps) {
    const script = st.args.join(' ');
    const bare = [...script.matchAll(/(?<!\$)\$(?!\$|\{|\()([a-z]\w*)/g)].map((m) => m[1]);
    assert.deepEqual(bare, [], `${st.id}: shell variables are written $$name (Cloud Build substitutes $name)`);
  }
  const deploy = byId.deploy.args.at(-1);
  assert.match(deploy, /gcloud run deploy "\$\{_PREFIX\}-backend" .*--container=backend --image="\$\$\(cat \/workspace\/todo\.digest\)"/);
  assert.match(deploy, /gcloud run jobs update .*--image="\$\$\(cat \/workspace\/todo-ops\.digest\)"/);
  assert.doesNotMatch(JSON.stringify(build), /terraform/, 'a revision without a whole-stack apply');
  const tf = await loadTerraform();
  const ignored = tf.resource.google_cloud_run_v2_service.backend.lifecycle[0].ignore_changes;
  assert.ok(ignored.some((e) => /template\[0\]\.containers\[0\]\.image/.test(e)), 'Terraform leaves the deployed image alone');
  const jobIgnored = tf.resource.google_cloud_run_v2_job.ops.lifecycle[0].ignore_changes;
  assert.ok(jobIgnored.some((e) => /template\[0\]\.template\[0\]\.containers\[0\]\.image/.test(e)));
});

test('native image: mostly static, with our configuration directory', () => {
  const { text } = dockerfiles.find((d) => d.name === 'native.Dockerfile');
  assert.match(text, /--static-nolibc|-H:\+StaticExecutableWithDynamicLibC/);
  assert.doesNotMatch(text, /--static(\s|$)|--libc=musl/, 'not fully static');
  assert.match(text, /-H:ConfigurationFileDirectories=infra\/docker\/native-image/);
  assert.match(text, /--no-fallback/);
});

test('native image: logging is set up in code (no class named in XML to reflect on), found as a service it includes', async () => {
  const resourcesDir = path.join(repoRoot, 'bootstrap', 'src', 'main', 'resources');
  await assert.rejects(readFile(path.join(resourcesDir, 'logback.xml')), 'no logback.xml: logback would instantiate its classes by name');
  const service = 'META-INF/services/ch.qos.logback.classic.spi.Configurator';
  const configurator = (await readFile(path.join(resourcesDir, service), 'utf8')).trim();
  const source = path.join(repoRoot, 'bootstrap', 'src', 'main', 'java', ...configurator.split('.')) + '.java';
  assert.match(await readFile(source, 'utf8'), /implements Configurator/, `${configurator} is a logback Configurator`);
  const resources = JSON.parse(await readFile(path.join(dockerDir, 'native-image', 'resource-config.json'), 'utf8'));
  const patterns = resources.resources.includes.map((i) => new RegExp(`^${i.pattern}$`));
  for (const file of ['application.yml', service, 'db/migration/sqlite/V1__init.sql', 'db/migration/postgres/V9__schema.sql', 'public/index.html']) {
    assert.ok(patterns.some((p) => p.test(file)), `${file} is included as a resource`);
  }
});

test('Litestream gives up its final sync before the service stops waiting for it', async () => {
  const config = loadYaml(await readFile(litestreamFile, 'utf8'));
  const seconds = (text) => Number(/^(\d+(?:\.\d+)?)s$/.exec(text)?.[1]);
  const appYml = await readFile(new URL('../../../bootstrap/src/main/resources/application.yml', import.meta.url), 'utf8');
  const stop = seconds(/TODO_LITESTREAM_STOP_TIMEOUT:([0-9.]+s)/.exec(appYml)?.[1]);
  assert.ok(seconds(config['shutdown-sync-timeout']) > 0, 'shutdown-sync-timeout is set');
  assert.ok(seconds(config['shutdown-sync-timeout']) < stop, 'Litestream stops retrying before the service kills it');
});

test('Litestream replicates the database file the backend uses to the replica bucket', async () => {
  const config = loadYaml(await readFile(litestreamFile, 'utf8'));
  assert.equal(config.dbs.length, 1);
  const db = config.dbs[0];
  assert.equal(db.path, '${TODO_DATABASE_FILE}');
  const replica = db.replicas[0];
  assert.equal(replica.type, 'gcs');
  assert.equal(replica.bucket, '${TODO_REPLICA_BUCKET}');
  assert.ok(replica.path && !replica.path.startsWith('lease/'), 'the replica and the lease do not share a prefix');

  const tf = variant(await loadTerraform(), 'sqlite');
  const env = Object.fromEntries(tf.resource.google_cloud_run_v2_service.backend.template[0].containers[0].env.map((e) => [e.name, e.value]));
  assert.ok(env.TODO_DATABASE_FILE && env.TODO_REPLICA_BUCKET, 'Terraform sets both variables Litestream expands');
  for (const { name, text } of dockerfiles) {
    assert.match(text, /COPY infra\/litestream\/litestream\.yml \/etc\/litestream\.yml/, `${name} ships this config`);
    assert.match(text, /COPY --from=litestream \/usr\/local\/bin\/litestream \/usr\/local\/bin\/litestream/, `${name} ships the binary`);
    assert.match(text, /TODO_LITESTREAM_CONFIG=\/etc\/litestream\.yml/, `${name}: Litestream runs with this config`);
    assert.match(text, /TODO_DATABASE_FILE=\/data\/todo\.db/, `${name}: same default path as Terraform's volume`);
  }
});
