/** The shared module test helpers (@cigen/module-kit/testing), as these tests name them. */
export { describeStep, shellcheck, show } from "@cigen/module-kit/testing";
