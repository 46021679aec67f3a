// A plugin that prints to stdout the careless ways real code does; the SDK must keep its frames intact.
import { servePlugin } from "../src/index";

servePlugin({
  info: { name: "chatty", version: "1.2.3", capabilities: ["provider:chatty"] },
  hooks: {
    generate(request) {
      console.log("console.log from generate");
      process.stdout.write("process.stdout.write from generate\n");
      return { fragments: [{ path: "out.txt", content: `target=${request.target}` }] };
    },
  },
});
