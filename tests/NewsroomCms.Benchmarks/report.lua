-- wrk script for run.sh: optional method, body, cookie and Accept-Encoding from the environment, and one result line at
-- the end that run.sh parses:
--   RESULT <requests/s> <p50 ms> <p99 ms> <responses 4xx/5xx> <bytes per response> <socket errors> <requests>
-- wrk counts a status of 400 or more as an error ("Non-2xx or 3xx responses"); bytes include headers.

local method = os.getenv("BENCH_METHOD")
if method and method ~= "" then
  wrk.method = method
end

local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

local encoding = os.getenv("BENCH_ACCEPT_ENCODING")
if encoding and encoding ~= "" then
  wrk.headers["Accept-Encoding"] = encoding
end

local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local per_response = 0
  if summary.requests > 0 then
    per_response = math.floor(summary.bytes / summary.requests)
  end
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.status,
    per_response,
    errors,
    summary.requests))
end
