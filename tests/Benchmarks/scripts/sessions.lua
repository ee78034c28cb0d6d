-- wrk: POST /v1/sessions/recommendations with SESSION_EVENTS (env, default 10) plays of items drawn uniformly from
-- 1..ITEMS (env, default 10000), each connection pausing PAUSE_MS (env, default 0) between requests.
local items = tonumber(os.getenv("ITEMS") or "10000")
local events = tonumber(os.getenv("SESSION_EVENTS") or "10")
local pause = tonumber(os.getenv("PAUSE_MS") or "0")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local parts = {}
  for e = 1, events do
    parts[e] = '{"itemId":"' .. math.random(1, items) .. '","type":"play"}'
  end
  local body = '{"count":10,"events":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/v1/sessions/recommendations", { ["Content-Type"] = "application/json" }, body)
end

function delay()
  return pause
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "report.lua")
