/** Diagnostic codes of the docker/build module. Stable: users search for them and silence them. */
export const DockerCodes = {
  /** A FROM names an image without a tag or with `latest`: neither the cache key nor the signature sees it move. */
  UNPINNED_BASE_IMAGE: "DOCKER-001",
  /** `packages: [docker]` on a job, but the repository has no Dockerfile to build. */
  NO_DOCKERFILE: "DOCKER-002",
  /** A `uses: docker/build` step names a Dockerfile that is not in the repository (yet). */
  MISSING_DOCKERFILE: "DOCKER-003",
  /** A `uses: docker/build` step has a `with:` input this module does not know. */
  UNKNOWN_INPUT: "DOCKER-004",
  /** Several platforms without push: the image cannot be loaded into the local daemon, only built. */
  MULTI_PLATFORM_NOT_LOADED: "DOCKER-005",
  /** `push: true` without a tag: there is no registry to push to. */
  PUSH_WITHOUT_TAGS: "DOCKER-006",
  /** A boolean input (`push`) holds something other than true or false; false is used. */
  BAD_BOOLEAN: "DOCKER-007",
} as const;
