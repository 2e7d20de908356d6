// Runs trial.test.ts on a Node without type stripping (before 22.6): the TypeScript compiler strips the
// types (no type check), then Node's test runner runs the result.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const require = createRequire(import.meta.url);
let ts;
for (const place of [undefined, "/usr/share/nodejs/typescript", "/usr/lib/node_modules/typescript"]) {
  try { ts = require(place ?? "typescript"); break; } catch {}
}
if (!ts) {
  console.error("run.mjs: the TypeScript compiler is missing: apt-get install node-typescript (or npm install typescript)");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, "trial.test.ts"), "utf8");
const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const compiled = join(mkdtempSync(join(tmpdir(), "reach-ts-")), "trial.test.mjs");
writeFileSync(compiled, output.outputText);
process.exit(spawnSync(process.execPath, ["--test", compiled], { stdio: "inherit" }).status ?? 1);
