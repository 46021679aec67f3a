import { create } from "@bufbuild/protobuf";
import { type Service, ServiceSchema } from "@cigen/protocol";
import { isImageReference } from "../config/checks/check-services";
import type { JobConfig, ServiceConfig } from "../config/config-types";
import type { JobContext } from "./job-context";

/**
 * Resolves a job's services to Service messages: a top-level `services` entry in full; anything
 * else is for the service modules (db/postgres...), which the modules stage asks to replace it.
 * Until then a bare name has no image, and an image reference is a plain container named after
 * the image (`postgres:16` -> postgres), which is what it stays when no module serves that name.
 */
export function buildServices(ctx: JobContext, job: JobConfig, baseId: string): Service[] {
  const defined = ctx.config.raw.services ?? {};
  return (job.services ?? []).map((ref, i) => {
    const refPath = ["jobs", baseId, "services", i];
    const name = ctx.string(refPath, ref, "a service");
    if (name in defined) return fromConfig(ctx, name, defined[name], ["services", name]);
    return create(ServiceSchema, { name: serviceName(name), image: isImageReference(name) ? name : "" });
  });
}

function fromConfig(ctx: JobContext, name: string, service: ServiceConfig, path: (string | number)[]): Service {
  return create(ServiceSchema, {
    name,
    image: ctx.string([...path, "image"], service.image, `the image of service "${name}"`),
    env: ctx.env(service.env, [...path, "env"]),
    ports: service.ports ?? [],
    healthCmd: service.health_cmd ?? "",
  });
}

/** `ghcr.io/acme/postgres-ext:16` -> `postgres_ext`: the last path part without tag, as an identifier. */
function serviceName(image: string): string {
  const last = image.split("/").at(-1) ?? image;
  return last.split(/[:@]/)[0].replace(/[^A-Za-z0-9_]/g, "_");
}
