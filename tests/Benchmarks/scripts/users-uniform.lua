-- wrk: GET recommendations for users drawn uniformly from 1..USERS (env, default 100000), each connection
-- pausing PAUSE_MS (env, default 0) between requests: 0 is the closed loop, 4 with 8 connections offers ~1,700 req/s.
-- QUERY (env, default empty) is appended to the query string, e.g. "&category=sel-5"; API_KEY (env, default none) is
-- sent as X-API-Key.
local users = tonumber(os.getenv("USERS") or "100000")
local pause = tonumber(os.getenv("PAUSE_MS") or "0")
local query = os.getenv("QUERY") or ""
local key = os.getenv("API_KEY")
local headers = key and { ["X-API-Key"] = key } or nil

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", "/v1/users/" .. math.random(1, users) .. "/recommendations?count=10" .. query, headers)
end

function delay()
  return pause
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "report.lua")
