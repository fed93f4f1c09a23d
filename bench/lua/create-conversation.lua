-- POST /api/v1/conversations in a workspace drawn at random from the data file (an API
-- key a line), for one of 5,000 customers, expecting 201.
-- Usage: wrk ... -s create-conversation.lua URL -- FILE
local common = dofile((os.getenv("WOES_BENCH_LUA") or "bench/lua") .. "/common.lua")
local subjects = { "Cannot log in", "Refund for order", "Shipping delay", "Billing question", "Export fails",
  "Feature request", "Password reset", "Invoice copy" }

common.requests(function()
  local customer = math.random(5000)
  return "POST", "/api/v1/conversations", string.format(
    '{"subject":"%s #%d","channel":"live-chat","customer":{"id":"cus_web_%d","name":"Customer %d",' ..
    '"email":"web%d@example.com"}}',
    subjects[math.random(#subjects)], math.random(1000000), customer, customer, customer)
end)
