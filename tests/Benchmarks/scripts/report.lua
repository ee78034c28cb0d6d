-- wrk: the summary every latency script prints; loaded with dofile by users-uniform.lua and sessions.lua.
function done(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx) %d, timeouts %d\n", summary.requests, summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%g %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
