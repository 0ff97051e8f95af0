-- wrk script: cycles through BENCH_PATHS and BENCH_BODIES (one per line, in step), so each
-- request of a single-use kind (a refresh token, a new assignment) gets its own line. With
-- BENCH_TOKENS (a file of access tokens, one per line), the requests take turns among them:
-- many users instead of one.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function lines(file)
  local out = {}
  if file == nil or file == "" then return out end
  for line in io.lines(file) do table.insert(out, line) end
  return out
end

function init(args)
  method = os.getenv("BENCH_METHOD") or "GET"
  paths = lines(os.getenv("BENCH_PATHS"))
  bodies = lines(os.getenv("BENCH_BODIES"))
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  n = id
  headers = { ["Content-Type"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN")
  if token ~= nil and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  tokens = lines(os.getenv("BENCH_TOKENS"))
end

function request()
  local i = n
  n = n + step
  local body = nil
  if #bodies > 0 then body = bodies[(i % #bodies) + 1] end
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] end
  return wrk.format(method, paths[(i % #paths) + 1], headers, body)
end
