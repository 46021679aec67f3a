import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Diagnostic,
  JobContributionSchema,
  type PlanJob,
  type PlanRequest,
  type PlanResponseSchema,
} from "@cigen/protocol";

type Contribution = Omit<MessageInitShape<typeof JobContributionSchema>, "jobId" | "$typeName">;

/**
 * Answers Plan job by job: `contribute` says what one job variant gets. Work shared by all jobs
 * (reading the repository) belongs before the call, done once.
 */
export function planJobs(
  request: PlanRequest,
  contribute: (job: PlanJob) => Contribution,
  diagnostics: Diagnostic[] = [],
): MessageInitShape<typeof PlanResponseSchema> {
  return {
    contributions: request.jobs.map((job) => create(JobContributionSchema, { ...contribute(job), jobId: job.jobId })),
    diagnostics,
  };
}
