import { servePlugin } from "@cigen/plugin-sdk";
import { dirStore } from "./plugin";

servePlugin(dirStore);
