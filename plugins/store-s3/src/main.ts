import { servePlugin } from "@cigen/plugin-sdk";
import { s3Store } from "./plugin";

// The pinned SDK supports Node 20; its notice about future releases would only add noise to every
// run's plugin log.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
servePlugin(s3Store);
