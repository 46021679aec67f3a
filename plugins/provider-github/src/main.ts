import { servePlugin } from "@cigen/plugin-sdk";
import { githubProvider } from "./plugin";

servePlugin(githubProvider);
