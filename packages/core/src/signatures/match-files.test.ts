import picomatch from "picomatch/posix";
import { describe, expect, it } from "vitest";
import { comparePaths } from "./compare-paths";
import { compilePatterns, expandPatterns, literalPrefix, PathMatcher } from "./match-files";

const PATHS = [
  "a",
  "a-b/x.ts",
  "a.b",
  "a/.hidden/x.ts",
  "a/b/c.ts",
  "a/b/c.md",
  "a/x.ts",
  "b/{x}.ts",
  "docs/readme.md",
  "package.json",
  "src/a.ts",
  "src/deep/er/b.ts",
  "src/é.ts",
  "src/😀.ts",
  "src/\uffff.ts",
].sort(comparePaths);

const GLOBS = [
  "a/**",
  "a",
  "a/*.ts",
  "**/*.ts",
  "src/**/*.ts",
  "{a,src}/**",
  "a/b/*.{ts,md}",
  "src/?.ts",
  "package.json",
  "a*/**",
  "src/[a-b].ts",
  "b/\\{x\\}.ts",
];

describe("PathMatcher", () => {
  it("matches exactly what picomatch does over the whole list", () => {
    const matcher = new PathMatcher(PATHS);
    for (const glob of GLOBS) {
      const test = picomatch(glob, { dot: true });
      expect(
        matcher.matches(glob).map((i) => PATHS[i]),
        glob,
      ).toEqual(PATHS.filter((p) => test(p)));
    }
  });

  it("agrees with picomatch on the globs it tests without it (dir/**, **/*.ext)", () => {
    const paths = [...PATHS, ".md", "a/.md", "a/b.md/c", "a/b/.x.ts", "x.ts", "a/b/c.ts.md", "ab/x.ts"].sort(
      comparePaths,
    );
    const matcher = new PathMatcher(paths);
    for (const glob of ["a/**", "**/*.md", "**/*.ts", "a/**/*.ts", "a/**/*.md", "src/**/*😀.ts", "**/*.{ts,md}"]) {
      const test = picomatch(glob, { dot: true });
      expect(
        matcher.matches(glob).map((i) => paths[i]),
        glob,
      ).toEqual(paths.filter((p) => test(p)));
    }
  });

  it("applies patterns in order: a later one wins", () => {
    const matcher = new PathMatcher(PATHS);
    const { patterns } = expandPatterns("j", ["a/**", "!a/b/**", "a/b/c.md"], {});
    const mask = matcher.select(patterns);
    const picked = PATHS.filter((_, i) => mask[i]);
    expect(picked).toEqual(["a", "a/.hidden/x.ts", "a/b/c.md", "a/x.ts"]);
    const single = compilePatterns(patterns);
    expect(PATHS.filter(single)).toEqual(picked);
  });
});

describe("expandPatterns", () => {
  it("normalises ./, / and trailing slashes and negates whole groups", () => {
    const { patterns, diagnostics } = expandPatterns("j", ["./src/", "/docs/*.md", "!@gen"], {
      gen: ["src/gen/**", "@more"],
      more: ["x"],
    });
    expect(diagnostics).toEqual([]);
    expect(patterns).toEqual([
      { glob: "src/**", negated: false },
      { glob: "docs/*.md", negated: false },
      { glob: "src/gen/**", negated: true },
      { glob: "x", negated: true },
    ]);
  });

  it("refuses to negate a group that holds negations", () => {
    expect(expandPatterns("j", ["!@g"], { g: ["a/**", "!a/b"] }).diagnostics).toHaveLength(1);
  });
});

describe("literalPrefix", () => {
  it("gives the directory a glob is confined to", () => {
    expect(literalPrefix("packages/api/**")).toBe("packages/api");
    expect(literalPrefix("package.json")).toBe("package.json");
    expect(literalPrefix("**/*.md")).toBeUndefined();
    expect(literalPrefix("{a,b}/**")).toBeUndefined();
  });
});

describe("comparePaths", () => {
  it("orders by code point (UTF-8 byte order), as git does", () => {
    const words = ["\uffff", "😀", "z", "é", "a/b", "a.b", "a-b"];
    const bytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...words].sort(comparePaths)).toEqual(bytes);
  });
});
