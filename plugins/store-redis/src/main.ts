import { servePlugin } from "@cigen/plugin-sdk";
import { redisStore } from "./plugin";

servePlugin(redisStore);
