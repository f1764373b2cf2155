// Loads the browser's model scripts for node --test, as the page does (classic scripts, in
// order), into a bare context: no window, no document, no storage, no network, no timers.
// A model that touched any of them would fail here.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCRIPTS = path.join(ROOT, "docs", "assets", "javascripts");

export function loadModels(...files) {
  const context = vm.createContext({});
  for (const file of ["units-model.js", ...files]) {
    vm.runInContext(fs.readFileSync(path.join(SCRIPTS, file), "utf8"), context, { filename: file });
  }
  return context;
}

export function golden(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "golden", name), "utf8"));
}

// Numbers JSON cannot carry, as the golden files write them.
export function number(x) {
  return x === "Infinity" ? Infinity : x === "-Infinity" ? -Infinity : x === "NaN" ? NaN : x;
}

// A value from the models' context as a plain value of this one (deepStrictEqual compares prototypes).
export function plain(x) {
  return structuredClone(x);
}

// What a failing case shows: the case itself, short.
export function label(x) {
  const text = JSON.stringify(x);
  return text.length > 300 ? text.slice(0, 300) + "..." : text;
}
