/**
 * An image reference contains ':' or '/'; anything else is a service name: a top-level `services`
 * entry, or a service module's name (postgres, mysql, redis, or any installed module's), which
 * only the modules stage can check, once the installed modules are known.
 */
export function isImageReference(service: string): boolean {
  return service.includes(":") || service.includes("/");
}
