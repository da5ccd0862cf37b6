// A server a test starts and stops: a child process in its own process group,
// ready once its output says so, and ended if it never gets there.
import { spawn } from "node:child_process";

/** Starts `command` in the background and resolves once `ready` matches its output; `stop()` ends its process group. */
export async function background(cwd, command, args, env, ready, timeout = 60_000) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const stop = () => {
    try {
      process.kill(-child.pid);
    } catch {
      // already gone
    }
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} did not get ready: ${output}`)), timeout);
      const seen = (chunk) => {
        output += String(chunk).replace(/\x1b\[[0-9;]*m/g, ""); // without colours (CI=true turns them on)
        if (ready.test(output)) clearTimeout(timer), resolve();
      };
      child.stdout.on("data", seen);
      child.stderr.on("data", seen);
      child.on("exit", (code) => (clearTimeout(timer), reject(new Error(`${command} exited ${code}: ${output}`))));
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { output: () => output, stop };
}
