-- Shared by the wrk scripts of bench/: reads the data file that bench/run.sh wrote (one
-- row a line, fields separated by tabs), seeds each thread's random numbers, and prints
-- one machine-readable RESULT line at the end that run.sh turns into its table.

local common = {}

function common.rows(path)
  local rows = {}
  for line in io.lines(path) do
    if line ~= "" then
      local fields = {}
      for field in string.gmatch(line, "[^\t]+") do
        fields[#fields + 1] = field
      end
      rows[#rows + 1] = fields
    end
  end
  assert(#rows > 0, "no rows in " .. path)
  return rows
end

function common.pick(rows)
  return rows[math.random(#rows)]
end

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function common.seed()
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
  -- the first draws after seeding are poorly mixed in some Lua versions
  for _ = 1, 10 do math.random() end
end

-- Defines wrk's init and request for a script whose every request is built from a row of
-- the data file drawn at random: build(row) returns the method, the path and, for a write,
-- the JSON body. The row's first field is the API key.
function common.requests(build)
  local rows
  function init(args)
    common.seed()
    rows = common.rows(args[1])
  end
  function request()
    local row = common.pick(rows)
    local method, path, body = build(row)
    local headers = { ["Authorization"] = "Bearer " .. row[1] }
    if body then
      headers["Content-Type"] = "application/json"
    end
    return wrk.format(method, path, headers, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f " ..
    "status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.status,
    e.connect + e.read + e.write + e.timeout))
end

return common
