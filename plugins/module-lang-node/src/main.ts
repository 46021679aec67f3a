import { servePlugin } from "@cigen/plugin-sdk";
import { module } from "./plugin";

servePlugin(module);
