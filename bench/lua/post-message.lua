-- POST /api/v1/conversations/{id}/messages to a conversation drawn at random from the data
-- file (an API key and a conversation id of its workspace a line), expecting 201. The
-- draws spread over the whole seeded set, so concurrent posts seldom meet on one
-- conversation's row lock. The body is the one bench/pgbench/post-message.sql writes.
-- Usage: wrk ... -s post-message.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")
local body = '{"body":"Following up: the export to CSV still stops at about ten thousand rows. ' ..
  'Could you check it again? We need the whole quarter in one file by Friday.","role":"user"}'

common.requests(function(row)
  return "POST", "/api/v1/conversations/" .. row[2] .. "/messages", body
end)
