-- wrk script for bench/endpoint.py: rotate over a list of GET requests, report JSON.
--
-- Usage: wrk -t1 -c8 -d10s -s bench/endpoint.lua http://127.0.0.1:PORT -- REQUESTS_FILE
-- REQUESTS_FILE has one request per line: "<path-with-query>\t<Accept header>".
-- Requests are pre-formatted once in init() so that request() only picks the next string:
-- anything heavier per request would make wrk, which shares the two cores with the servers,
-- the bottleneck. Each thread starts at a different offset so threads do not move in lockstep.
-- done() prints one JSON line (prefixed "WRKJSON ") that bench/endpoint.py parses; wrk's own
-- text summary is ignored.

local requests = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path = args[1]
  for line in io.lines(path) do
    local target, accept = line:match("^([^\t]+)\t(.*)$")
    if target then
      local headers = { ["Accept"] = accept, ["Host"] = wrk.headers["Host"] }
      table.insert(requests, wrk.format("GET", target, headers))
    end
  end
  if #requests == 0 then
    error("no requests in " .. tostring(path))
  end
  counter = ((thread_index or 0) * 7919) % #requests
end

function request()
  counter = counter + 1
  if counter > #requests then
    counter = 1
  end
  return requests[counter]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"non_2xx_3xx":%d,"timeouts":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
