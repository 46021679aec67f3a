import { create } from "@bufbuild/protobuf";
import { SkipStoreSchema } from "@cigen/protocol";
import { describe, expect, it } from "vitest";
import { parseSettings, positiveNumberSetting, stringSetting } from "./store-settings";

const store = (settingsJson: string) => create(SkipStoreSchema, { type: "redis", settingsJson });

describe("store settings", () => {
  it("are a JSON mapping; empty means none", () => {
    expect(parseSettings(store(""), "redis")).toEqual({});
    expect(parseSettings(store('{"prefix":"a:"}'), "redis")).toEqual({ prefix: "a:" });
    expect(() => parseSettings(store("[1]"), "redis")).toThrow(/STORE-001: the redis signature store .*not a mapping/);
    expect(() => parseSettings(store("{"), "redis")).toThrow(/not valid JSON/);
  });

  it("name the setting when one has the wrong type", () => {
    expect(() => stringSetting({ prefix: 3 }, "prefix", "redis")).toThrow(
      /skip_store\.prefix must be a non-empty string/,
    );
    expect(() => positiveNumberSetting({ ttl_days: -1 }, "ttl_days", "redis")).toThrow(/skip_store\.ttl_days/);
    expect(positiveNumberSetting({}, "ttl_days", "redis")).toBeUndefined();
  });
});
