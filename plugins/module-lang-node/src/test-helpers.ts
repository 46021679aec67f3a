/** The shared module test helpers (@cigen/module-kit/testing), as these tests name them. */
export {
  describeStepLine as describeStep,
  installScript,
  shellcheckBash as shellcheck,
  show,
} from "@cigen/module-kit/testing";
