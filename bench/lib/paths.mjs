// Where the benchmark finds what it runs: the repository, the jar and its AOT cache, the wrk script,
// the seeder, the JVM flags, the results folder, and the JDK's tools (JAVA_HOME, set by bench/run).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const JAR = path.join(ROOT, 'bootstrap/target/todo.jar');
export const FLOOR_JAR = path.join(ROOT, 'bench/floor/target/floor.jar');
export const AOT_CACHE = path.join(ROOT, 'bootstrap/target/todo.aot');
export const LUA = path.join(ROOT, 'bench/lua/todo.lua');
export const SEED = path.join(ROOT, 'bench/tools/Seed.java');
export const JVM_OPTIONS = path.join(ROOT, 'bin/jvm.options');
export const RESULTS = path.join(ROOT, 'bench/results');

/** java, jcmd, jstat of the JDK in JAVA_HOME. */
export function jdkTool(name) {
  return path.join(process.env.JAVA_HOME, 'bin', name);
}
