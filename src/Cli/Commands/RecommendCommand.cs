using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIaaS.Cli.Http;
using AIaaS.Cli.Terminal;
using Spectre.Console;

namespace AIaaS.Cli.Commands;

/// <summary>`aiaas recommend --server URL --user ID`: one user's recommendations from a running engine, as a table or the server's JSON.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Base address of a running engine, e.g. http://127.0.0.1:5080", Required = true };
        var apiKey = ApiKeyOption.Create();
        var user = new Option<string>("--user") { Description = "The user to recommend for", Required = true };
        var count = new Option<int>("--count") { Description = "How many items (1–1000)", DefaultValueFactory = _ => 10 };
        var category = new Option<string[]>("--category") { Description = "Only items of this category; repeat for several" };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer as one line" };
        var command = new Command("recommend", "Show a user's recommendations from a running engine") { server, apiKey, user, count, category, json };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var userId = parse.GetValue(user);
            if (string.IsNullOrWhiteSpace(userId))
            {
                throw new ArgumentException("--user must not be empty.");
            }

            var n = CliErrors.InRange(parse.GetValue(count), 1, 1000, "--count");
            using var http = EngineHttp.Create(parse.GetValue(server)!, ApiKeyOption.Resolve(parse, apiKey));
            var answer = await EngineResponse.GetJsonAsync(http, Path(userId, n, parse.GetValue(category) ?? []), ct);
            if (parse.GetValue(json))
            {
                JsonLine.Write(answer);
                return 0;
            }

            Consoles.Out().Write(Table(answer));
            return 0;
        }));
        return command;
    }

    private static string Path(string userId, int count, string[] categories)
    {
        var query = string.Concat(categories.Select(c => "&category=" + Uri.EscapeDataString(c)));
        return $"/v1/users/{Uri.EscapeDataString(userId)}/recommendations?count={count.ToString(CultureInfo.InvariantCulture)}{query}";
    }

    private static Table Table(JsonElement answer)
    {
        var version = answer.TryGetProperty("modelVersion", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64().ToString(CultureInfo.InvariantCulture) : "none";
        var table = new Table { Caption = new TableTitle($"user {answer.GetProperty("userId").GetString()}, model version {version}") }
            .AddColumn("rank").AddColumn("item").AddColumn(new TableColumn("score").RightAligned()).AddColumn("reason");
        var rank = 0;
        foreach (var item in answer.GetProperty("items").EnumerateArray())
        {
            table.AddRow(
                Markup.Escape((++rank).ToString(CultureInfo.InvariantCulture)),
                Markup.Escape(item.GetProperty("itemId").GetString() ?? ""),
                item.GetProperty("score").GetDouble().ToString("F4", CultureInfo.InvariantCulture),
                Markup.Escape(item.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : ""));
        }

        return table;
    }
}
