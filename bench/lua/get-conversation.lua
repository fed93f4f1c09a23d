-- GET /api/v1/conversations/{id} for a conversation drawn at random from the data file
-- (an API key and a conversation id of its workspace a line).
-- Usage: wrk ... -s get-conversation.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")

common.requests(function(row)
  return "GET", "/api/v1/conversations/" .. row[2]
end)
