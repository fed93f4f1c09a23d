-- GET /api/v1/conversations?limit=20. The data file holds an API key a line, optionally
-- followed by a conversation id to page from (startingAfter); each request takes a line
-- at random, so the load spreads over the workspaces (or the cursors) in the file.
-- Usage: wrk ... -s list.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")

common.requests(function(row)
  local path = "/api/v1/conversations?limit=20"
  if row[2] then
    path = path .. "&startingAfter=" .. row[2]
  end
  return "GET", path
end)
