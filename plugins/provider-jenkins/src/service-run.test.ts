// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell and Groovy text, where ${...} is meant literally
/**
 * Runs a stage's service wiring for real, short of Docker: the generated `script { }` block and the
 * `post { cleanup }` step execute in Groovy (the jar npm-groovy-lint ships) with the few Jenkins
 * steps they use stubbed (`sh` runs the script with sh -e, `withEnv` scopes variables, `docker.image
 * ().inside` records where the steps run), and a fake `docker` on PATH logs every call and answers
 * `port`, `exec` and `inspect` like Docker. So the start script, the variables the steps see and
 * the cleanup are checked as they behave, not as text.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Job } from "@cigen/protocol";
import { job, t, templateRun } from "@cigen/provider-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatorsDir } from "../../../test/support/validators";
import { startScript, stopScript } from "./service-scripts";
import { jobStage } from "./stage";
import { allOf } from "./when";

const groovyJar = join(validatorsDir, "node_modules/npm-groovy-lint/lib/java/groovy/lib/groovy-4.0.26.jar");

/** Docker as far as the start and stop scripts need it: each container's first health check fails. */
const FAKE_DOCKER = `#!/bin/sh
echo "$*" >> "$DOCKER_LOG"
case "$1" in
  port) echo "127.0.0.1:4\${3%/tcp}" ;;
  inspect) echo "\${FAKE_RUNNING:-true}" ;;
  logs) echo "logs of $2" ;;
  exec)
    tries=$(cat "$DOCKER_LOG.$2" 2>/dev/null || echo 0)
    echo $((tries + 1)) > "$DOCKER_LOG.$2"
    [ "$tries" -ge 1 ] ;;
  *) echo "id-$$" ;;
esac
`;

/**
 * The Jenkins steps the wiring uses, and `env` reading withEnv's values, as Groovy. Each scenario
 * starts from its own variables (`overrides`), and its shell and `inside` output goes to its LOG.
 */
const JENKINS_STUBS = `
import groovy.transform.Field
class Env { Map<String, String> vars; def propertyMissing(String name) { vars[name] } }
class Image {
  String name; Map<String, String> vars
  def inside(String args, Closure body) { new File(vars.LOG) << "INSIDE " + name + " " + args + "\\n"; body() }
}
class Docker { Map<String, String> vars; def image(String name) { new Image(name: name, vars: vars) } }
@Field Map<String, String> overrides = [:]
@Field Env env = new Env(vars: overrides)
@Field Docker docker = new Docker(vars: overrides)
def script(Closure body) { body() }
def withEnv(List<String> entries, Closure body) {
  Map<String, String> saved = new HashMap<>(overrides)
  entries.each { String e -> overrides[e.substring(0, e.indexOf('='))] = e.substring(e.indexOf('=') + 1) }
  try { body() } finally { overrides.clear(); overrides.putAll(saved) }
}
def sh(String script) { run(script, false) }
def sh(Map args) { run(args.script, args.returnStdout == true) }
String run(String script, boolean capture) {
  ProcessBuilder pb = new ProcessBuilder('sh', '-e', '-c', script)
  pb.environment().putAll(overrides)
  pb.redirectError(ProcessBuilder.Redirect.appendTo(new File(overrides.LOG)))
  if (!capture) pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(overrides.LOG)))
  Process p = pb.start()
  String out = capture ? p.inputStream.text : ''
  if (p.waitFor() != 0) throw new RuntimeException('sh failed')
  return out
}
`;

/** The element of `lines` that opens `head {` and everything up to its closing brace. */
function blockAt(lines: string[], head: string): string[] {
  const start = lines.findIndex((l) => l.trim() === `${head} {`);
  const pad = lines[start].slice(0, lines[start].length - lines[start].trimStart().length);
  const end = lines.indexOf(`${pad}}`, start);
  return lines.slice(start, end + 1);
}

interface Scenario {
  job: Job;
  env?: Record<string, string>;
}

interface Run {
  /** 0 when the steps and the cleanup passed, 1 when something threw. */
  status: string;
  /** Shell output, and `INSIDE <image> <args>` where the steps entered an image. */
  log: string;
  docker: string[];
  seen: string[] | undefined;
}

/**
 * Generates each scenario's stage and runs its services' script block, then its cleanup step as
 * `post { cleanup }` would, all in one JVM (a JVM start costs seconds).
 */
function runStages(scenarios: Scenario[]): Run[] {
  const root = mkdtempSync(join(tmpdir(), "cigen-jenkins-services-"));
  dirs.push(root);
  writeFileSync(join(root, "docker"), FAKE_DOCKER);
  writeFileSync(join(root, "sleep"), "#!/bin/sh\n");
  chmodSync(join(root, "docker"), 0o755);
  chmodSync(join(root, "sleep"), 0o755);
  const program = [JENKINS_STUBS];
  scenarios.forEach((scenario, i) => {
    const dir = join(root, String(i));
    mkdirSync(dir);
    const { lines } = jobStage(scenario.job, { when: allOf(), globals: [], certain: new Set(), marked: false });
    const stop = lines.find((l) => l.trim().startsWith("sh label: 'Stop services'"));
    const vars = { ...scenario.env, OUT: dir, LOG: join(dir, "log"), DOCKER_LOG: join(dir, "docker.log") };
    program.push(
      `overrides.clear(); overrides.putAll(${JSON.stringify(vars).replace(/^\{(.*)\}$/, "[$1]")})`,
      `String status${i} = '0'`,
      "try {",
      "try {",
      ...blockAt(lines, "script"),
      "} finally {",
      `${stop}`,
      "}",
      `} catch (RuntimeException e) { status${i} = '1' }`,
      `new File('${dir}/status').text = status${i}`,
    );
  });
  writeFileSync(join(root, "stages.groovy"), program.join("\n"));
  execFileSync("java", ["-cp", groovyJar, "groovy.ui.GroovyMain", join(root, "stages.groovy")], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, PATH: `${root}:${process.env.PATH}` },
  });
  const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);
  const lines = (text: string | undefined) => text?.split("\n").slice(0, -1);
  return scenarios.map((_, i) => {
    const dir = join(root, String(i));
    return {
      status: read(join(dir, "status")) ?? "missing",
      log: read(join(dir, "log")) ?? "",
      docker: lines(read(join(dir, "docker.log"))) ?? [],
      seen: lines(read(join(dir, "seen"))),
    };
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const postgres = {
  name: "postgres",
  image: "postgres:16",
  ports: [5432],
  env: [{ name: "POSTGRES_PASSWORD", value: t("pw$1") }],
  healthCmd: "pg_isready -U postgres",
  connectionEnv: [{ name: "DATABASE_URL", template: "postgres://postgres:pw@{host}:{port}/test" }],
};
const redis = { name: "redis", image: "redis:7", ports: [6379], healthCmd: "redis-cli ping" };
const serviceJob = (image: string) =>
  job("it", {
    image,
    services: [postgres, redis],
    env: [{ name: "REDIS_URL", value: t("redis://{{ env.REDIS_HOST }}:{{ env.REDIS_PORT }}/0") }],
    steps: [templateRun('printf "%s\\n" "$DATABASE_URL" "$REDIS_URL" "$POSTGRES_PORT" > "$OUT/seen"')],
  });

describe.skipIf(!existsSync(groovyJar))("a stage with services, run in Groovy against a fake docker", () => {
  let runs: Run[] = [];
  beforeAll(() => {
    runs = runStages([
      { job: serviceJob("ruby:3.3"), env: { BUILD_TAG: "jenkins-org/shop-main-7" } },
      { job: serviceJob("") },
      { job: serviceJob("ruby:3.3"), env: { FAKE_RUNNING: "false" } },
    ]);
  }, 120_000);

  it("runs the steps in the job's image on the services' network, reaching them by name", () => {
    const r = runs[0];
    expect(r.status, r.log).toBe("0");
    const net = "cigen-jenkins-org-shop-main-7-it";
    expect(r.seen).toEqual(["postgres://postgres:pw@postgres:5432/test", "redis://redis:6379/0", "5432"]);
    expect(r.log).toContain(`INSIDE ruby:3.3 --network ${net}`);
    expect(r.docker).toContain(`network create ${net}`);
    expect(r.docker).toContain(
      `run -d --name ${net}-postgres --network ${net} --network-alias postgres -e POSTGRES_PASSWORD=pw$1 postgres:16`,
    );
    // Each health command is retried until it passes.
    expect(r.docker.filter((c) => c === `exec ${net}-postgres sh -c pg_isready -U postgres`)).toHaveLength(2);
    expect(r.docker.filter((c) => c === `exec ${net}-redis sh -c redis-cli ping`)).toHaveLength(2);
    expect(r.docker.slice(-2)).toEqual([`rm -f ${net}-postgres ${net}-redis`, `network rm ${net}`]);
  });

  it("runs the steps on the agent, reaching the services at the ports Docker published on 127.0.0.1", () => {
    const r = runs[1];
    expect(r.status, r.log).toBe("0");
    expect(r.seen).toEqual(["postgres://postgres:pw@127.0.0.1:45432/test", "redis://127.0.0.1:46379/0", "45432"]);
    expect(r.log).not.toContain("INSIDE");
    expect(r.docker).toContain(
      "run -d --name cigen-local-it-redis --network cigen-local-it --network-alias redis -p 127.0.0.1::6379 redis:7",
    );
    expect(r.docker).toContain("port cigen-local-it-postgres 5432/tcp");
  });

  it("fails before the steps when a service stops, shows its logs and still removes the containers", () => {
    const r = runs[2];
    expect(r.status).toBe("1");
    expect(r.log).toContain("cigen: service container cigen-local-it-postgres stopped");
    expect(r.log).toContain("logs of cigen-local-it-postgres");
    expect(r.seen).toBeUndefined();
    expect(r.docker.slice(-2)).toEqual([
      "rm -f cigen-local-it-postgres cigen-local-it-redis",
      "network rm cigen-local-it",
    ]);
  });
});

describe.skipIf(spawnSync("sh", ["-c", "command -v shellcheck"]).status !== 0)("the start and stop scripts", () => {
  it.each([
    ["in an image", "ruby:3.3"],
    ["on the agent", ""],
  ])("pass shellcheck for a job %s", (_where, image) => {
    for (const script of [startScript(serviceJob(image)), stopScript(serviceJob(image))]) {
      execFileSync("shellcheck", ["-s", "sh", "-S", "warning", "-"], { input: script, encoding: "utf8" });
    }
  });
});
