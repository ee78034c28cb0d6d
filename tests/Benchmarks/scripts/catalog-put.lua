-- wrk: PUT /v1/items/1..ITEMS (env) once each, spread over wrk's threads, with categories that select fixed shares of
-- the catalog: sel-50 (every 2nd item), sel-5 (every 20th), sel-0.1 (every 1000th); then only GET /health/live.
local items = tonumber(os.getenv("ITEMS") or "100000")
-- THREADS must equal wrk's -t: thread t puts items t+1, t+1+THREADS, ...
local step = tonumber(os.getenv("THREADS") or "2")
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  next_item = id + 1
end

function request()
  if next_item > items then
    return wrk.format("GET", "/health/live")
  end
  local i = next_item
  next_item = next_item + step
  local categories = { '"all"' }
  if i % 2 == 0 then table.insert(categories, '"sel-50"') end
  if i % 20 == 0 then table.insert(categories, '"sel-5"') end
  if i % 1000 == 0 then table.insert(categories, '"sel-0.1"') end
  local body = '{"title":"item ' .. i .. '","categories":[' .. table.concat(categories, ",") .. ']}'
  return wrk.format("PUT", "/v1/items/" .. i, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 and status ~= 204 then
    io.write("PUT answered " .. status .. "\n")
  end
end
