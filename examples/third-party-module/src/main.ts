import { servePlugin } from "@cigen/plugin-sdk";
import { shellcheck } from "./module";

servePlugin(shellcheck);
