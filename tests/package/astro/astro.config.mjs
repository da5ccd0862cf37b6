// A static build into dist/, its styles always linked (a strict CSP allows no inline <style>);
// telemetry is off by ASTRO_TELEMETRY_DISABLED in the test.
export default { build: { inlineStylesheets: "never" } };
