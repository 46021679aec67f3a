// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${NAME} is meant literally

import { job, t } from "@cigen/provider-kit/testing";
import { describe, expect, it } from "vitest";
import { cacheKey, jobCaches } from "./caches";

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

  it("refuses more than four caches", () => {
    const caches = ["a", "b", "c", "d", "e"].map((k) => ({ name: k, key: t(k), paths: [`${k}/`] }));
    expect(jobCaches(job("j", { caches })).diagnostics.map((d) => d.code)).toEqual(["GITLAB-004"]);
    expect(jobCaches(job("j")).cache).toBeUndefined();
  });
});
