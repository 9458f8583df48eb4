-- One wrk script for every scenario of bench/run.sh. Headers (the API key, Content-Type) come from wrk -H.
--   wrk … -s bench/wrk.lua URL -- LABEL [METHOD BODY [IDS SUFFIX]]
-- sends METHOD (GET) to the URL's path or, with IDS (a file of item ids), to /api/v1/items/<random id><SUFFIX>.
-- BODY is a file or "-" for none; "{code}" in it becomes a code no other request of the run uses. The last line is
--   RESULT <label> <req/s> <p50 ms> <p99 ms> <non-2xx> <timeouts>
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  label, method, suffix, ids, body = args[1], args[2] or "GET", args[5] or "", {}, nil
  if args[3] and args[3] ~= "-" then local file = io.open(args[3]); body = file:read("*a"); file:close() end
  if args[4] then for line in io.lines(args[4]) do ids[#ids + 1] = line end end
  -- os.time() has whole seconds, and a warm-up and its run can start in the same one: seed and tag from urandom.
  local urandom = io.open("/dev/urandom", "rb")
  local a, b, c, d = urandom:read(4):byte(1, 4)
  urandom:close()
  run = ((a * 256 + b) * 256 + c) * 256 + d
  math.randomseed(run)
  sent, non2xx, codes = 0, 0, {}
end

function request()
  sent = sent + 1
  local payload = body and body:gsub("{code}", string.format("W%x-%d-%d", run, tid, sent))
  local path = #ids > 0 and "/api/v1/items/" .. ids[math.random(#ids)] .. suffix or nil
  return wrk.format(method, path, nil, payload)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    codes[status] = (codes[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local n, seen = 0, {}
  for _, t in ipairs(threads) do
    n = n + t:get("non2xx")
    for code, count in pairs(t:get("codes")) do seen[code] = (seen[code] or 0) + count end
  end
  for code, count in pairs(seen) do print(string.format("  non-2xx status %d: %d", code, count)) end
  print(string.format("RESULT %s %.1f %.2f %.2f %d %d", threads[1]:get("label"),
    summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, n,
    summary.errors.timeout))
end
