// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell and Groovy text, where ${...} is meant literally
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatorsDir } from "../../../test/support/validators";
import { groovyString, gstringBody } from "./groovy-string";

/** Shell text that is hard to carry through a Groovy string unchanged. */
const HARD = [
  "echo $HOME ${HOME} ${env.HOME} $(date) `uname`",
  "echo 'single' \"double\" \\ back\\slash \\\\ \\n \\u0041 \\$",
  "echo '''triple''' and ''' alone",
  "ends with a quote'",
  "ends with two quotes''",
  "line one\nline 'two'\nline '''three'''\n''",
  "cat <<'EOF'\n${NOT_GROOVY} \"$x\" \\\nEOF\n",
  "trailing backslash \\",
  "'",
  "",
];

describe("groovyString", () => {
  it("escapes backslashes and quotes in one-line strings", () => {
    expect(groovyString(`it's \\ $x`)).toBe(`'it\\'s \\\\ $x'`);
  });

  it("uses ''' for several lines and escapes only quotes that could close it", () => {
    expect(groovyString("a 'b'\nc''")).toBe(`'''a 'b'\nc\\'\\''''`);
  });

  it("escapes a GString body so Groovy interpolates nothing of its own", () => {
    expect(gstringBody('a "$b" \\ ${c}')).toBe('a \\"\\$b\\" \\\\ \\${c}');
  });
});

const groovyJar = join(validatorsDir, "node_modules/npm-groovy-lint/lib/java/groovy/lib/groovy-4.0.26.jar");

describe.skipIf(!existsSync(groovyJar))("Groovy itself reads the literals back unchanged", () => {
  it("round-trips hard shell text through groovyString and GStrings", () => {
    const dir = mkdtempSync(join(tmpdir(), "cigen-groovy-"));
    try {
      const gstrings = HARD.map((s) => `"${gstringBody(s)}"`);
      const script = [...HARD.map(groovyString), ...gstrings]
        .map((lit) => `print(${lit}); print('\\u0001')`)
        .join("\n");
      writeFileSync(join(dir, "check.groovy"), script);
      const out = execFileSync("java", ["-cp", groovyJar, "groovy.ui.GroovyMain", join(dir, "check.groovy")], {
        encoding: "utf8",
      });
      expect(out.split("\u0001").slice(0, -1)).toEqual([...HARD, ...HARD]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
