-- POST /api/v1/conversations/{id}/replies: an operator's reply to a conversation drawn at
-- random from the data file (an API key, a conversation id of its workspace and an operator
-- id of that workspace a line), expecting 201. Like post-message.lua, the draws spread over
-- the whole seeded set, so concurrent replies seldom meet on one conversation's row lock.
-- Usage: wrk ... -s reply.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")
local text = "Thanks for the details. The export limit was a bug on our side and is fixed now: " ..
  "the whole quarter exports in one file. Could you try again and tell us if it works?"

common.requests(function(row)
  return "POST", "/api/v1/conversations/" .. row[2] .. "/replies",
    '{"operatorId":"' .. row[3] .. '","body":"' .. text .. '"}'
end)
