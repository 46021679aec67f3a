import { create } from "@bufbuild/protobuf";
import { type Service, ServiceSchema } from "@cigen/protocol";
import { isImageReference } from "../config/checks/check-services";
import type { JobConfig, ServiceConfig } from "../config/config-types";
import { BUILTIN_SERVICES } from "./builtin-services";
import type { JobContext } from "./job-context";

/**
 * Resolves a job's services to full Service messages: a top-level `services` entry, else a
 * built-in service, else an image reference (named after the image: `postgres:16` -> postgres).
 */
export function buildServices(ctx: JobContext, job: JobConfig, baseId: string): Service[] {
  const defined = ctx.config.raw.services ?? {};
  return (job.services ?? []).map((ref, i) => {
    const refPath = ["jobs", baseId, "services", i];
    const name = ctx.string(refPath, ref, "a service");
    if (name in defined) return fromConfig(ctx, name, defined[name], ["services", name]);
    if (!isImageReference(name) && name in BUILTIN_SERVICES)
      return fromConfig(ctx, name, BUILTIN_SERVICES[name], refPath);
    return create(ServiceSchema, { name: serviceName(name), image: name });
  });
}

function fromConfig(ctx: JobContext, name: string, service: ServiceConfig, path: (string | number)[]): Service {
  const isUserDefined = path[0] === "services";
  return create(ServiceSchema, {
    name,
    image: isUserDefined
      ? ctx.string([...path, "image"], service.image, `the image of service "${name}"`)
      : service.image,
    env: ctx.env(service.env, isUserDefined ? [...path, "env"] : path),
    ports: service.ports ?? [],
    healthCmd: service.health_cmd ?? "",
  });
}

/** `ghcr.io/acme/postgres-ext:16` -> `postgres_ext`: the last path part without tag, as an identifier. */
function serviceName(image: string): string {
  const last = image.split("/").at(-1) ?? image;
  return last.split(/[:@]/)[0].replace(/[^A-Za-z0-9_]/g, "_");
}
