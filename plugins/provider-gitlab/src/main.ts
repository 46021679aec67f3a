import { servePlugin } from "@cigen/plugin-sdk";
import { plugin } from "./plugin";

servePlugin(plugin);
