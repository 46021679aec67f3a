// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally

import { job, run, t } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { cacheKey, jobCaches } from "./caches";
import { translateJob } from "./jobs";

describe("cacheKey", () => {
  it("uses cache:key:files with the rest of the key as prefix when the key checksums files", () => {
    const j = job("j", { arch: "arm64" });
    expect(cacheKey(j, t('{{ os }}-{{ arch }}-node-{{ checksum "package-lock.json" }}')).key).toEqual({
      files: ["package-lock.json"],
      prefix: "linux-arm64-node",
    });
    expect(cacheKey(j, t('{{ checksum "a.lock" }}-{{ checksum "b.lock" }}')).key).toEqual({
      files: ["a.lock", "b.lock"],
    });
  });

  it("renders other keys with GitLab variables, slugging the branch and folding slashes", () => {
    expect(cacheKey(job("j"), t("deps/{{ git.branch }}-{{ env.TOOL }}-{{ git.sha }}")).key).toBe(
      "deps-${CI_COMMIT_REF_SLUG}-${TOOL}-${CI_COMMIT_SHA}",
    );
  });

  it("refuses a key over more than two files", () => {
    const { diagnostics } = cacheKey(job("j"), t('{{ checksum "a" }}{{ checksum "b" }}{{ checksum "c" }}'));
    expect(diagnostics.map((d) => d.code)).toEqual(["GITLAB-005"]);
    expect(diagnostics[0].message).toContain('job "j": a cache key checksums 3 files (a, b, c)');
  });
});

describe("jobCaches", () => {
  it("lists job caches (pull-push) and cache steps (pull, push, or both for one key)", () => {
    const j = job("j", {
      caches: [{ name: "node", key: t("node"), paths: ["node_modules/"], restoreKeys: [t("node-")] }],
      steps: [
        { kind: { case: "restoreCache", value: { key: t("a"), paths: ["a/"] } } },
        { kind: { case: "restoreCache", value: { key: t("b"), paths: ["b/"] } } },
        { kind: { case: "saveCache", value: { key: t("b"), paths: ["b/", "b2/"] } } },
        { kind: { case: "saveCache", value: { key: t("c"), paths: ["c/"] } } },
      ],
    });
    const { cache, diagnostics } = jobCaches(j);
    expect(cache).toEqual([
      { key: "node", paths: ["node_modules/"] },
      { key: "a", paths: ["a/"], policy: "pull" },
      { key: "b", paths: ["b/", "b2/"] },
      { key: "c", paths: ["c/"], policy: "push" },
    ]);
    expect(diagnostics.map((d) => [d.code, d.level])).toEqual([["GITLAB-011", 3]]);
  });

  it("caches home-relative paths in .cigen/home and links them from the home directory first", () => {
    const j = job("j", {
      steps: [
        { kind: { case: "restoreCache", value: { key: t("npm"), paths: ["~/.npm", "node_modules"] } } },
        { kind: { case: "saveCache", value: { key: t("npm"), paths: ["~/.npm", "node_modules"] } } },
      ],
    });
    const { cache, links, diagnostics } = jobCaches(j);
    expect(cache).toEqual([{ key: "npm", paths: [".cigen/home/.npm", "node_modules"] }]);
    expect(links).toEqual([
      'mkdir -p "$CI_PROJECT_DIR"/.cigen/home/.npm',
      'if [ -L "$HOME"/.npm ] || [ ! -e "$HOME"/.npm ] || rmdir "$HOME"/.npm 2>/dev/null; then ln -sfn "$CI_PROJECT_DIR"/.cigen/home/.npm "$HOME"/.npm; fi',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("warns about paths outside the project that cannot be relocated", () => {
    const caches = [{ name: "c", key: t("c"), paths: ["/var/cache/apt", "../shared", "~/.cache/pip", "vendor"] }];
    const { cache, links, diagnostics } = jobCaches(job("j", { caches }));
    expect(cache).toEqual([{ key: "c", paths: ["/var/cache/apt", "../shared", ".cigen/home/.cache/pip", "vendor"] }]);
    expect(links).toHaveLength(2);
    expect(diagnostics.map((d) => [d.code, d.level])).toEqual([["GITLAB-014", 2]]);
    expect(diagnostics[0].message).toContain("cache paths /var/cache/apt, ../shared are outside the project directory");
  });

  it("refuses more than four caches", () => {
    const caches = ["a", "b", "c", "d", "e"].map((k) => ({ name: k, key: t(k), paths: [`${k}/`] }));
    expect(jobCaches(job("j", { caches })).diagnostics.map((d) => d.code)).toEqual(["GITLAB-004"]);
    expect(jobCaches(job("j")).cache).toBeUndefined();
    expect(jobCaches(job("j")).links).toEqual([]);
  });
});

describe("home-relative cache paths in a job", () => {
  it("links them after the skip check and before the steps, in one script item", () => {
    const j = job("j", {
      steps: [
        { kind: { case: "restoreCache", value: { key: t("npm"), paths: ["~/.npm"] } } },
        run("npm ci"),
        { kind: { case: "saveCache", value: { key: t("npm"), paths: ["~/.npm"] } } },
      ],
    });
    const placement = {
      stage: "s",
      needs: [],
      rules: [],
      globals: {},
      writesMarker: false,
      skip: { before: ["skip-check"], after: [] },
    };
    const { value, diagnostics } = translateJob(j, placement);
    expect(value.cache).toEqual([{ key: "npm", paths: [".cigen/home/.npm"] }]);
    expect(value.script).toEqual([
      "skip-check",
      [
        'mkdir -p "$CI_PROJECT_DIR"/.cigen/home/.npm',
        'if [ -L "$HOME"/.npm ] || [ ! -e "$HOME"/.npm ] || rmdir "$HOME"/.npm 2>/dev/null; then ln -sfn "$CI_PROJECT_DIR"/.cigen/home/.npm "$HOME"/.npm; fi',
      ].join("\n"),
      "npm ci",
    ]);
    expect(diagnostics).toEqual([]);
  });
});
