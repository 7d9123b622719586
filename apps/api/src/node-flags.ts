/**
 * V8 flags the api runs with, wherever it starts: `npm run start:api`, the launcher, the
 * production image (infra/Dockerfile) and bench:api (node-flags.spec.ts keeps them in step).
 *
 * A GraphQL request allocates a few hundred KB of short-lived objects (parsed rows, validated
 * inputs, the response). With V8's default young generation (16 MB semi-spaces) the api
 * scavenged every few dozen requests and promoted what was still in flight: 10% of its main
 * thread and more on GC helper threads in bench:api profiles. 32 MB semi-spaces (at most ~100 MB
 * more memory) cut the api's CPU per offer search by about a sixth (bench/README.md).
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
