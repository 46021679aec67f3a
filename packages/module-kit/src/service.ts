import { create } from "@bufbuild/protobuf";
import { type Service, ServiceSchema } from "@cigen/protocol";
import { textOf } from "./text";

export interface ServiceInit {
  /** What the job calls it, also the prefix of <NAME>_HOST / <NAME>_PORT. */
  name: string;
  image: string;
  env?: Record<string, string>;
  ports: number[];
  healthCmd: string;
  /** Variables the job gets, with "{host}" and "{port}" filled by each provider. */
  connection?: Record<string, string>;
  module: string;
}

/** A service container as the model carries it. */
export function serviceOf(init: ServiceInit): Service {
  return create(ServiceSchema, {
    name: init.name,
    image: init.image,
    env: Object.entries(init.env ?? {}).map(([name, value]) => ({ name, value: textOf(value) })),
    ports: init.ports,
    healthCmd: init.healthCmd,
    connectionEnv: Object.entries(init.connection ?? {}).map(([name, template]) => ({ name, template })),
    module: init.module,
  });
}

/**
 * The image a service entry asks for: a bare name ("postgres") takes the module's default image,
 * an image reference ("postgres:15", "postgis/postgis:16-3.4") is used as written.
 */
export function serviceImage(entry: string, defaultImage: string): string {
  return /[:/]/.test(entry) ? entry : defaultImage;
}

/** The tag of an image reference ("postgres:16.2" -> "16.2"; "latest" when untagged). */
export function imageTag(image: string): string {
  const last = image.split("/").at(-1) ?? image;
  const at = last.indexOf("@");
  if (at !== -1) return last.slice(at + 1);
  const colon = last.indexOf(":");
  return colon === -1 ? "latest" : last.slice(colon + 1);
}
