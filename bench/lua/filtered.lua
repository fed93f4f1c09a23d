-- GET /api/v1/conversations?tag=...&assigneeId=... (the first page, 20 conversations), the
-- inbox of one operator narrowed to one tag. The data file holds an API key, a tag name and
-- an operator id of the key's workspace a line, each pair with at least one conversation;
-- each request takes a line at random. Tag names are plain words and hyphens, so they go
-- into the query string as they are.
-- Usage: wrk ... -s filtered.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")

common.requests(function(row)
  return "GET", "/api/v1/conversations?tag=" .. row[2] .. "&assigneeId=" .. row[3]
end)
