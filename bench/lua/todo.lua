-- wrk script for the to-do API. Configured through the environment (bench/lib/ sets it, through wrk.mjs):
--   BENCH_MODE   health | list | get | post | patch | stats | path | mix
--   BENCH_USER   the `sub` of the single user of list/get/patch/stats/path (default bench-user)
--   BENCH_WRITER the `sub` that POSTs (default bench-writer), so that POST does not grow the list
--   BENCH_IDS    file of "owner id" lines (get, patch, mix)
--   BENCH_USERS  users user-1 … user-N of the mix (default 100)
--   BENCH_PATH   the path of mode `path` (e.g. /api/v1/todos?q=milk)
--   BENCH_RATE   total requests per second to pace to (0: as fast as possible), with
--   BENCH_THREADS the number of wrk threads it is spread over
--   BENCH_COUNT_STATUSES 1: done() also counts the responses by status ("statuses": {"201": n, …});
--                wrk then hands every response to response(), which costs it a little, so only
--                where the counts are wanted (section instances)
-- Every request carries `Authorization: Bearer <unsigned JWT>` minted for its virtual user.
-- done() prints one line "BENCHJSON {...}" that the orchestrator parses.

local mode = os.getenv("BENCH_MODE") or "health"
local single = os.getenv("BENCH_USER") or "bench-user"
local writer = os.getenv("BENCH_WRITER") or "bench-writer"
local ids_file = os.getenv("BENCH_IDS")
local user_count = tonumber(os.getenv("BENCH_USERS") or "100")
local fixed_path = os.getenv("BENCH_PATH") or "/api/v1/todos"
local rate = tonumber(os.getenv("BENCH_RATE") or "0")

local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function base64url(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = 2 + (b and 1 or 0) + (c and 1 or 0)
    for k = 1, chars do
      local shift = (4 - k) * 6
      local index = math.floor(n / 2 ^ shift) % 64
      out[#out + 1] = b64chars:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

-- An unsigned JWT (alg "none", empty signature): the backend decodes, the gateway verifies.
local function jwt(sub)
  return base64url('{"alg":"none","typ":"JWT"}') .. "." ..
         base64url('{"sub":"' .. sub .. '","name":"' .. sub .. '"}') .. "."
end

local tokens = {}
local function auth(sub)
  local t = tokens[sub]
  if not t then
    t = "Bearer " .. jwt(sub)
    tokens[sub] = t
  end
  return t
end

local ids_by_owner = {}
local owners = {}

local function load_ids()
  if not ids_file then
    return
  end
  for line in io.lines(ids_file) do
    local owner, id = line:match("^(%S+)%s+(%S+)$")
    if owner then
      local list = ids_by_owner[owner]
      if not list then
        list = {}
        ids_by_owner[owner] = list
        owners[#owners + 1] = owner
      end
      list[#list + 1] = id
    end
  end
end

local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
  threads[#threads + 1] = thread
end

local count_statuses = os.getenv("BENCH_COUNT_STATUSES") == "1"
if count_statuses then
  -- per wrk thread (each has its own Lua state); done() adds them up
  statuses = {}
  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919 + math.floor(os.clock() * 1e6))
  load_ids()
end

local json_headers = {}

local function headers(sub, content_type)
  local h = { ["Authorization"] = auth(sub) }
  if content_type then
    h["Content-Type"] = content_type
  end
  return h
end

local function random_id(owner)
  local list = ids_by_owner[owner]
  return list[math.random(#list)]
end

local function get(path, sub)
  return wrk.format("GET", path, headers(sub))
end

local function post(sub)
  counter = counter + 1
  return wrk.format("POST", "/api/v1/todos", headers(sub, "application/json"),
    '{"title":"bench to-do ' .. counter .. '","priority":"low"}')
end

local function patch(sub)
  counter = counter + 1
  local completed = (math.random(2) == 1) and "true" or "false"
  return wrk.format("PATCH", "/api/v1/todos/" .. random_id(sub),
    headers(sub, "application/merge-patch+json"),
    '{"title":"edited ' .. counter .. '","completed":' .. completed .. '}')
end

local function mix()
  local sub = "user-" .. math.random(user_count)
  local r = math.random(100)
  if r <= 50 then
    return get("/api/v1/todos", sub)
  elseif r <= 70 then
    return get("/api/v1/todos/" .. random_id(sub), sub)
  elseif r <= 80 then
    return get("/api/v1/todos/stats", sub)
  elseif r <= 95 then
    return post(sub)
  else
    return patch(sub)
  end
end

function request()
  if mode == "health" then
    return wrk.format("GET", "/api/v1/health")
  elseif mode == "list" then
    return get("/api/v1/todos", single)
  elseif mode == "get" then
    return get("/api/v1/todos/" .. random_id(single), single)
  elseif mode == "post" then
    return post(writer)
  elseif mode == "patch" then
    return patch(single)
  elseif mode == "stats" then
    return get("/api/v1/todos/stats", single)
  elseif mode == "path" then
    return get(fixed_path, single)
  elseif mode == "mix" then
    return mix()
  end
  error("unknown BENCH_MODE " .. mode)
end

if rate > 0 then
  -- Open loop: each wrk thread draws Poisson arrivals at its share of the rate on a monotonic
  -- clock, and a connection that becomes free waits for the next arrival not yet taken. So the
  -- achieved rate follows the target as long as a connection is free at each arrival, whatever
  -- the response times. wrk starts a request's clock when it is written, after the delay.
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local CLOCK_MONOTONIC = 1
  local timespec = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
    return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
  end
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local mean_ms = 1000 * threads / rate
  local next_arrival = nil
  function delay()
    local now = now_ms()
    next_arrival = (next_arrival or now) - math.log(1 - math.random()) * mean_ms
    local wait = next_arrival - now
    if wait <= 0 then
      return 0
    end
    return math.floor(wait + 0.5)
  end
end

local function statuses_json()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    parts[#parts + 1] = string.format('"%d":%d', status, n)
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,' ..
    '"write":%d,"status":%d,"timeout":%d},"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,' ..
    '"max":%d,"mean":%.1f}%s}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean,
    count_statuses and (',"statuses":' .. statuses_json()) or ""))
end
