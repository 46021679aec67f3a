import { detectIn } from "@cigen/module-kit/testing";
import { describe, expect, it } from "vitest";
import { module } from "./plugin";

const where = (r: Awaited<ReturnType<typeof detectIn>>) =>
  r.signals.map((s) => `${s.name}=${s.value} @ ${s.evidence?.file}:${s.evidence?.line}:${s.evidence?.column}`);

describe("docker/build detect", () => {
  it("finds Dockerfiles at the root and below, the root one first, with their FROM lines and base images", async () => {
    const r = await detectIn(module, {
      "services/api/Dockerfile":
        "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\n",
      Dockerfile: "# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM node:20.11.1-slim\n",
      "docker/worker.Dockerfile": "FROM python:3.12-slim\n",
      "docs/Dockerfile.md": "how we build\n",
      ".dockerignore": "node_modules\n",
      "services/api/Dockerfile.dockerignore": "*.md\n",
    });
    expect(r.confidence).toBe(1);
    expect(where(r)).toEqual([
      "dockerfile=Dockerfile @ Dockerfile:2:1",
      "base_image=node:20.11.1-slim @ Dockerfile:2:32",
      "dockerfile=docker/worker.Dockerfile @ docker/worker.Dockerfile:1:1",
      "base_image=python:3.12-slim @ docker/worker.Dockerfile:1:6",
      "dockerfile=services/api/Dockerfile @ services/api/Dockerfile:1:1",
      "base_image=golang:1.22 @ services/api/Dockerfile:1:6",
      "base_image=gcr.io/distroless/static:nonroot @ services/api/Dockerfile:4:6",
    ]);
    expect(r.facts).toEqual({
      source_files:
        "Dockerfile,docker/worker.Dockerfile,services/api/Dockerfile,.dockerignore,services/api/Dockerfile.dockerignore",
      build: "docker build --file Dockerfile .",
      dockerfile: "Dockerfile",
      dockerfiles: "Dockerfile,docker/worker.Dockerfile,services/api/Dockerfile",
    });
    expect(r.diagnostics).toEqual([]);
  });

  it("reports compose files beside the Dockerfile, at their build: line", async () => {
    const r = await detectIn(module, {
      "app/Containerfile": "FROM ruby:3.3.0\n",
      "docker-compose.yml": "services:\n  web:\n    build: ./app\n  db:\n    image: postgres:16\n",
    });
    expect(where(r).at(-1)).toBe("compose_file=docker-compose.yml @ docker-compose.yml:3:5");
    expect([r.facts.dockerfile, r.facts.compose_files, r.facts.build]).toEqual([
      "app/Containerfile",
      "docker-compose.yml",
      "docker build --file app/Containerfile .",
    ]);
  });

  it("warns about base images without a version, at the FROM line", async () => {
    const r = await detectIn(module, {
      Dockerfile: "ARG BASE=node:20\nFROM $BASE AS deps\nFROM ubuntu\nFROM nginx:latest\nFROM scratch\nFROM deps\n",
    });
    expect(r.diagnostics.map((d) => [d.code, d.loc?.line])).toEqual([
      ["DOCKER-001", 3],
      ["DOCKER-001", 4],
    ]);
    expect(r.diagnostics[0].message).toContain("base image ubuntu has no version tag");
  });

  it("needs a Dockerfile: compose images alone or Dockerfiles of dependencies are nothing to build", async () => {
    const r = await detectIn(module, {
      "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n",
      "node_modules/some-tool/Dockerfile": "FROM alpine:3.19\n",
      "Dockerfile.dockerignore": "x\n",
    });
    expect([r.confidence, r.signals, r.facts]).toEqual([0, [], {}]);
  });
});
